/**
 * A line of a plan document with its neighbours, the cited sentences marked. Reached by ?source=<file>&line=<n>.
 * (Issue 5 grows this into the full source reader; the URL stays the same.)
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seedUrl } from '../data/load.ts';
import type { SourceTarget } from '../state/store.ts';
import { useExplorer, useExplorerState } from './context.tsx';
import { planName } from './names.ts';

const CONTEXT = 3;

type Doc = { state: 'loading' } | { state: 'missing' } | { state: 'ok'; lines: string[] };

export function SourceView({ target }: { target: SourceTarget }) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const sourceClosed = useExplorerState((s) => s.sourceClosed);
  const [doc, setDoc] = useState<Doc>({ state: 'loading' });
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    setDoc({ state: 'loading' });
    fetch(seedUrl(target.file))
      .then(async (res) => {
        const text = await res.text();
        if (!res.ok || text.trimStart().startsWith('<!')) throw new Error('missing');
        if (live) setDoc({ state: 'ok', lines: text.split(/\r?\n/) });
      })
      .catch(() => live && setDoc({ state: 'missing' }));
    return () => {
      live = false;
    };
  }, [target.file]);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && sourceClosed();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sourceClosed]);

  const plan = data.plans.find((p) => p.file === target.file);
  const marks = data.assignments
    .filter((a) => a.source.file === target.file && a.source.line === target.line)
    .map((a) => [a.source.start, a.source.end] as const);

  const renderLine = (text: string, n: number) => {
    if (n !== target.line || !marks.length) return text;
    const on = new Array<boolean>(text.length).fill(false);
    for (const [s, e] of marks) on.fill(true, s, Math.min(e, text.length));
    const out: { text: string; mark: boolean }[] = [];
    for (let i = 0; i < text.length; i++) {
      const last = out[out.length - 1];
      if (last && last.mark === on[i]) last.text += text[i];
      else out.push({ text: text[i] ?? '', mark: on[i] ?? false });
    }
    // biome-ignore lint/suspicious/noArrayIndexKey: positional runs
    return out.map((r, i) => (r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>));
  };

  return (
    <div
      className="source-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby="source-title"
      data-testid="source-view"
    >
      <div className="source-card">
        <header className="panel-header">
          <h2 id="source-title">
            {t('source.heading')}: {plan ? planName(data, plan.id, lang) : target.file}
          </h2>
          <button type="button" ref={closeRef} onClick={sourceClosed}>
            {t('source.close')}
          </button>
        </header>
        <p className="muted">
          {target.file} · {t('source.line', { line: target.line })}
        </p>
        {doc.state === 'loading' && <p>{t('source.loading')}</p>}
        {doc.state === 'missing' && <p role="alert">{t('source.missing', { file: target.file })}</p>}
        {doc.state === 'ok' && (
          <ol className="source-lines" aria-label={t('source.context')} lang="zh-CN">
            {doc.lines
              .map((text, i) => ({ text, n: i + 1 }))
              .slice(Math.max(0, target.line - 1 - CONTEXT), target.line + CONTEXT)
              .map(({ text, n }) => (
                <li
                  key={n}
                  value={n}
                  className={n === target.line ? 'target' : undefined}
                  aria-current={n === target.line ? 'true' : undefined}
                  data-line={n}
                >
                  {renderLine(text, n)}
                </li>
              ))}
          </ol>
        )}
      </div>
    </div>
  );
}
