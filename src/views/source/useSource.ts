/** What the source reader loads for a plan file: its text (a seed) and its layout sentences (audit.json). */
import { useEffect, useState } from 'react';
import { loadAudit, seedUrl } from '../../data/load.ts';
import type { AuditSentence } from '../../domain/types.ts';

export type SourceDoc = { state: 'loading' } | { state: 'missing' } | { state: 'ok'; lines: string[] };

/**
 * A plan's text as lines (UTF-8), loading again when the file changes. 'missing' when it cannot be fetched or the
 * server answers with a page instead (an SPA fallback's HTML).
 */
export function useSourceText(file: string): SourceDoc {
  const [doc, setDoc] = useState<SourceDoc>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setDoc({ state: 'loading' });
    fetch(seedUrl(file))
      .then(async (res) => {
        const buf = await res.arrayBuffer();
        const text = new TextDecoder('utf-8').decode(buf);
        if (!res.ok || text.trimStart().startsWith('<!')) throw new Error('missing');
        if (live) setDoc({ state: 'ok', lines: text.split(/\r?\n/) });
      })
      .catch(() => live && setDoc({ state: 'missing' }));
    return () => {
      live = false;
    };
  }, [file]);
  return doc;
}

/** The audit's sentences of a plan file (null while loading); none when the audit cannot be loaded. */
export function useAuditSentences(file: string): AuditSentence[] | null {
  const [sentences, setSentences] = useState<AuditSentence[] | null>(null);
  useEffect(() => {
    let live = true;
    loadAudit()
      .then((audit) => live && setSentences(audit.plans.find((p) => p.file === file)?.sentences ?? []))
      // Without the audit the assignment quotes are still highlighted.
      .catch(() => live && setSentences([]));
    return () => {
      live = false;
    };
  }, [file]);
  return sentences;
}
