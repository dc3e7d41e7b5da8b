/**
 * The source reader: a plan's full text, every line numbered, the layout sentences (audit.json, loaded on first use)
 * and assignment quotes highlighted. A highlight opens what it produced (role, place, industry; a place opens on the
 * map) or why it produced nothing. Deep-linkable: ?source=<file>&line=<n> scrolls to and focuses that line. A plan
 * picker opens any plan's text.
 */
import { type MouseEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerData } from '../data/load.ts';
import type { AuditSentence } from '../domain/types.ts';
import { type Highlight, lineRuns, sourceHighlights } from '../state/source.ts';
import type { SourceTarget } from '../state/store.ts';
import { AsWritten, Translated } from './bilingual.tsx';
import { useExplorer, useExplorerState } from './context.tsx';
import { Dialog } from './Dialog.tsx';
import { assignmentsByIds, industryName, placeName, planName } from './names.ts';
import { RoleBadge, sourceHref } from './PlacePanel.tsx';
import { highlightKey, useReaderSelection } from './source/useReaderSelection.ts';
import { useAuditSentences, useSourceText } from './source/useSource.ts';

/** Above the text: the plan picker, the file and line with the highlights' key, and the English toggle. */
function ReaderBar(props: { target: SourceTarget; showEnglish: boolean; onShowEnglish: (on: boolean) => void }) {
  const { target, showEnglish, onShowEnglish } = props;
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const sourceOpened = useExplorerState((s) => s.sourceOpened);
  return (
    <div className="reader-bar">
      <label className="field">
        <span>{t('source.plan')}</span>
        <select
          value={target.file}
          onChange={(e) => sourceOpened({ file: e.target.value, line: 1 })}
          data-testid="source-plan"
        >
          {data.plans.map((p) => (
            <option key={p.id} value={p.file}>
              {p.year} · {planName(data, p.id, lang)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        {target.file} · {t('source.line', { line: target.line })} ·{' '}
        <span className="hl-key hl-assigned">{t('source.keyAssigned')}</span>{' '}
        <span className="hl-key hl-layout">{t('source.keyLayout')}</span>
      </p>
      <label className="check small">
        <input
          type="checkbox"
          checked={showEnglish}
          onChange={(e) => onShowEnglish(e.target.checked)}
          data-testid="source-show-english"
        />{' '}
        {t('source.showEnglish')}
      </label>
    </div>
  );
}

interface LinesProps {
  lines: string[];
  target: SourceTarget;
  highlights: Map<number, Highlight[]>;
  selected: string | null;
  showEnglish: boolean;
  englishOf: (h: Highlight) => string | null;
  onChoose: (e: MouseEvent, h: Highlight) => void;
  listRef: RefObject<HTMLOListElement | null>;
}

/** The text, every line numbered; highlights are links to their line (a click selects them instead). */
function SourceLines({ lines, target, highlights, selected, showEnglish, englishOf, onChoose, listRef }: LinesProps) {
  const { t } = useTranslation();
  const { store } = useExplorer();
  const hrefFor = (line: number) => sourceHref(store, { file: target.file, line });
  return (
    <ol className="source-lines" ref={listRef} aria-label={t('source.text')} lang="zh-CN" data-testid="source-lines">
      {lines.map((text, i) => {
        const n = i + 1;
        const hs = highlights.get(n) ?? [];
        return (
          <li
            key={n}
            value={n}
            tabIndex={-1}
            className={n === target.line ? 'target' : undefined}
            aria-current={n === target.line ? 'true' : undefined}
            data-line={n}
          >
            {hs.length === 0
              ? text || '\u00a0'
              : lineRuns(text, hs).map((run, k) =>
                  run.highlight ? (
                    <a
                      // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional
                      key={k}
                      href={hrefFor(n)}
                      className={`hl hl-${run.highlight.status === 'assigned' ? 'assigned' : 'layout'}${
                        selected === highlightKey(run.highlight) ? ' current' : ''
                      }`}
                      aria-current={selected === highlightKey(run.highlight) ? 'true' : undefined}
                      onClick={(e) => run.highlight && onChoose(e, run.highlight)}
                      data-testid="source-highlight"
                      data-line={n}
                      data-start={run.highlight.start}
                      data-assignments={run.highlight.assignments.length}
                    >
                      {run.text}
                    </a>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional
                    <span key={k}>{run.text}</span>
                  ),
                )}
            {showEnglish &&
              hs.map((h) => {
                const en = englishOf(h);
                return en ? (
                  <span key={highlightKey(h)} className="line-en" lang="en" data-testid="source-english" data-line={n}>
                    <span className="visually-hidden">{t('source.englishOf', { line: n })}: </span>
                    {en}
                  </span>
                ) : null;
              })}
          </li>
        );
      })}
    </ol>
  );
}

export function SourceView({ target }: { target: SourceTarget }) {
  const { t } = useTranslation();
  const { data, store, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const sourceClosed = useExplorerState((s) => s.sourceClosed);
  const sourceOpened = useExplorerState((s) => s.sourceOpened);
  const doc = useSourceText(target.file);
  const sentences = useAuditSentences(target.file);
  // In English mode the English of each highlighted sentence shows under its line (a toggle; off in Chinese mode).
  const [showEnglish, setShowEnglish] = useState(lang === 'en');
  useEffect(() => setShowEnglish(lang === 'en'), [lang]);
  const listRef = useRef<HTMLOListElement>(null);
  const highlights = useMemo(
    () => sourceHighlights(target.file, sentences ?? [], data.assignments),
    [target.file, sentences, data.assignments],
  );
  const { selected, choose } = useReaderSelection(listRef, doc.state === 'ok', target.line, highlights, (line) =>
    sourceOpened({ file: target.file, line }),
  );
  const englishOf = useMemo(() => englishLookup(sentences ?? [], data), [sentences, data]);
  const plan = data.plans.find((p) => p.file === target.file);
  const current = [...highlights.values()].flat().find((h) => highlightKey(h) === selected) ?? null;
  const openPlace = (place: string) => {
    sourceClosed();
    store.getState().viewChosen('map');
    store.getState().placeClicked(place);
    mapCommands.current?.focusPlace(place);
  };

  return (
    <Dialog
      testId="source-view"
      titleId="source-title"
      title={
        <>
          {t('source.heading')}: {plan ? planName(data, plan.id, lang) : target.file}
        </>
      }
      closeLabel={t('source.close')}
      onClose={sourceClosed}
      cardClass="reader"
    >
      <ReaderBar target={target} showEnglish={showEnglish} onShowEnglish={setShowEnglish} />
      <div className="reader-body">
        {doc.state === 'loading' && <p>{t('source.loading')}</p>}
        {doc.state === 'missing' && <p role="alert">{t('source.missing', { file: target.file })}</p>}
        {doc.state === 'ok' && (
          <SourceLines
            lines={doc.lines}
            target={target}
            highlights={highlights}
            selected={selected}
            showEnglish={showEnglish}
            englishOf={englishOf}
            onChoose={choose}
            listRef={listRef}
          />
        )}
        <aside className="reader-detail" aria-live="polite" aria-label={t('source.detail')} data-testid="source-detail">
          {!current ? (
            <p className="muted">{t('source.pick')}</p>
          ) : (
            <HighlightDetail
              h={current}
              en={englishOf(current)}
              zh={doc.state === 'ok' ? (doc.lines[current.line - 1] ?? '').slice(current.start, current.end) : ''}
              openPlace={openPlace}
            />
          )}
        </aside>
      </div>
    </Dialog>
  );
}

/** The English of each highlight (highlightEnglish), from the audit's sentences of the plan. */
function englishLookup(sentences: readonly AuditSentence[], data: ExplorerData): (h: Highlight) => string | null {
  const byLine = new Map<number, AuditSentence[]>();
  for (const sentence of sentences) byLine.set(sentence.line, [...(byLine.get(sentence.line) ?? []), sentence]);
  return (h) => highlightEnglish(h, byLine.get(h.line) ?? [], data);
}

/**
 * The English of a highlighted range: the translations of the audit sentences inside it, else those of the quotes of
 * its assignments (a quote the audit does not list as a sentence); null when there is none.
 */
export function highlightEnglish(h: Highlight, onLine: readonly AuditSentence[], data: ExplorerData): string | null {
  const fromSentences = onLine.filter((s) => s.start >= h.start && s.end <= h.end && s.en).map((s) => s.en);
  const texts = fromSentences.length
    ? fromSentences
    : assignmentsByIds(data, h.assignments)
        .filter((a) => a.source.line === h.line)
        .map((a) => a.quoteEn);
  const unique = [...new Set(texts.filter((x): x is string => Boolean(x)))];
  return unique.length ? unique.join(' ') : null;
}

function HighlightDetail({
  h,
  en,
  zh,
  openPlace,
}: {
  h: Highlight;
  en: string | null;
  /** The highlighted Chinese, as the reader shows it. */
  zh: string;
  openPlace: (place: string) => void;
}) {
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const list = assignmentsByIds(data, h.assignments);
  return (
    <div>
      <h3>{t('source.line', { line: h.line })}</h3>
      {lang === 'en' && en && (
        <Translated
          en={en}
          original={
            <blockquote className="quote" lang="zh-CN" aria-label={t('panel.quoteLabel')}>
              {zh}
            </blockquote>
          }
          label={t('translation.sentenceLabel')}
          testId="source-detail-english"
        />
      )}
      {list.length === 0 ? (
        <p>
          {t(`source.status.${h.status}`)}
          {h.reason ? ` (${h.reason})` : ''}
        </p>
      ) : (
        <>
          <p>{t('source.produced', { count: list.length })}</p>
          <ul className="detail-list">
            {list.map((a) => (
              <li key={a.id} data-testid="source-assignment" data-assignment={a.id}>
                <RoleBadge role={a.role} />{' '}
                <button type="button" className="linkish" onClick={() => openPlace(a.place)} data-place={a.place}>
                  {placeName(data, a.place, lang)}
                </button>{' '}
                · {industryName(data, a.industry, lang)}
                <AsWritten a={a} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
