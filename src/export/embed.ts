/** The HTML that embeds a view of the explorer in another page: an <iframe> of the share link. */

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(url: string, title: string): string {
  return (
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="640" ` +
    'style="border:0" loading="lazy" allow="clipboard-write; web-share"></iframe>'
  );
}
