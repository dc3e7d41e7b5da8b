/** Browser side of the downloads: save a text as a file. Kept apart so the writers stay pure and testable in node. */

export function downloadText(fileName: string, text: string, mime: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([text], { type: mime }), doc);
}

/** Saves a blob (text or a PNG) as a file through a temporary link. */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A file name that says what the file holds, e.g. jiangxi-layout_2014_pv.csv. Parts are slugs or years;
 * anything outside [A-Za-z0-9-] is dropped so the name is safe on every OS.
 */
export function exportFileName(parts: readonly (string | number | null | undefined)[], extension: string): string {
  const clean = parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .map((p) =>
      String(p)
        .replace(/[^A-Za-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p !== '');
  return `${['jiangxi-layout', ...clean].join('_')}.${extension}`;
}
