/**
 * Downloads and sharing: CSV and GeoJSON of exactly what the current view shows (shownAssignments), a PNG of the map
 * with title, legend and source, a "cite this" text naming the plans behind it, and the share link (copy, or the
 * phone's share sheet). A dialog, so it works the same on a phone.
 */
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import { citeThis } from '../export/cite.ts';
import { CSV_MIME, toCsv } from '../export/csv.ts';
import { downloadBlob, downloadText, exportFileName } from '../export/download.ts';
import { embedSnippet } from '../export/embed.ts';
import { GEOJSON_MIME, geoJsonText, toGeoJson } from '../export/geojson.ts';
import { legendEntries } from '../state/colors.ts';
import { comparedPlans, exportNameParts, shownAssignments } from '../state/planner.ts';
import { type ExplorerState, pickState } from '../state/store.ts';
import { serializeUrl } from '../state/url.ts';
import { type ExplorerContextValue, useExplorer, useExplorerState } from './context.tsx';
import { Dialog } from './Dialog.tsx';
import { industryName, placeName, planName, termName } from './names.ts';

/** The link that reproduces the current view. */
export function shareUrl(search: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${search}`;
}

/** Clipboard with a fallback for browsers (or insecure origins) without the async clipboard API. */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection fallback
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/** What the current view shows, in words: plan · industry (or product/company) · roles [· city], or the change. */
function describeView(data: ExplorerData, state: ExplorerState, t: TFunction): string {
  const lang = state.lang;
  // A chosen product or company replaces the industry in the map view (what the map and the download show).
  const industry =
    state.view === 'map' && state.term
      ? `${t(`term.kind.${state.term.kind}`)} ${termName(data, state.term, lang)}`
      : state.industry
        ? industryName(data, state.industry, lang)
        : t('filters.allIndustries');
  if (state.view === 'changes') {
    const { from, to } = comparedPlans(data, state);
    return t('downloads.describeChanges', {
      from: data.planById.get(from)?.year,
      to: data.planById.get(to)?.year,
      industry,
    });
  }
  const plan = state.plan === 'all' ? t('filters.allPlans') : planName(data, state.plan, lang);
  const roles = state.roles.map((r) => t(`role.${r}`)).join(lang === 'zh' ? '、' : ', ');
  const city = state.view === 'matrix' && state.city ? ` · ${placeName(data, state.city, lang)}` : '';
  return `${plan} · ${industry} · ${roles}${city}`;
}

/** A PNG of the map with the title, what it shows, the legend (as on screen) and the plans, data and link. */
function mapPng(ctx: ExplorerContextValue, t: TFunction, shown: Assignment[], subtitle: string, link: string) {
  const { data, derived, mapCommands } = ctx;
  const legend = legendEntries(derived.mode).map((e) => ({ mark: e.mark, color: e.color, label: t(e.key, e.options) }));
  const plans = [...new Set(shown.map((a) => a.plan))]
    .map((id) => data.planById.get(id)?.year)
    .filter(Boolean)
    .join(', ');
  return mapCommands.current?.snapshot({
    title: t('app.title'),
    subtitle,
    legend,
    source: t('downloads.pngSource', { plans, attribution: data.attribution, url: link }),
  });
}

/** A read-only text to copy (the citation, the embed code), with its heading and copy button. */
function CopyText(props: {
  id: string;
  label: string;
  value: string;
  rows: number;
  help?: string;
  button: string;
  testId: string;
  onCopy: (text: string, field: HTMLTextAreaElement | null) => void;
}) {
  const { id, label, value, rows, help, button, testId, onCopy } = props;
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <section>
      <h3>
        <label htmlFor={id}>{label}</label>
      </h3>
      {help && (
        <p className="muted small" id={`${testId}-help`}>
          {help}
        </p>
      )}
      <textarea
        id={id}
        ref={field}
        readOnly
        value={value}
        rows={rows}
        aria-describedby={help ? `${testId}-help` : undefined}
        data-testid={id}
      />
      <button type="button" onClick={() => onCopy(value, field.current)} data-testid={`copy-${testId}`}>
        {button}
      </button>
    </section>
  );
}

/** The link to this view: copy it, or hand it to the phone's share sheet. */
function ShareLink({ link, text, onCopy }: { link: string; text: string; onCopy: CopyTo }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  return (
    <section>
      <h3>
        <label htmlFor="share-link">{t('downloads.link')}</label>
      </h3>
      <input id="share-link" ref={field} readOnly value={link} data-testid="share-link" />
      <div className="button-row">
        <button type="button" onClick={() => onCopy(link, field.current)} data-testid="copy-link">
          {t('downloads.copyLink')}
        </button>
        {canShare && (
          <button
            type="button"
            onClick={() => void navigator.share({ title: t('app.title'), text, url: link }).catch(() => {})}
            data-testid="native-share"
          >
            {t('downloads.share')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The shown assignments as CSV or GeoJSON, or the map as a PNG (not from the matrix, which is no map). */
function DataFiles(props: {
  shown: Assignment[];
  onSave: (ext: string, text: string, mime: string) => void;
  onPng: () => void;
}) {
  const { shown, onSave, onPng } = props;
  const { t } = useTranslation();
  const { data } = useExplorer();
  const view = useExplorerState((s) => s.view);
  const ctx = { plans: data.plans, places: data.places, industries: data.industries };
  return (
    <section>
      <h3>{t('downloads.data')}</h3>
      <div className="button-row">
        <button
          type="button"
          onClick={() => onSave('csv', toCsv(shown, ctx), CSV_MIME)}
          disabled={shown.length === 0}
          data-testid="download-csv"
        >
          {t('downloads.csv')}
        </button>
        <button
          type="button"
          onClick={() =>
            onSave('geojson', geoJsonText(toGeoJson(shown, ctx, { attribution: data.attribution })), GEOJSON_MIME)
          }
          disabled={shown.length === 0}
          data-testid="download-geojson"
        >
          {t('downloads.geojson')}
        </button>
        <button type="button" onClick={onPng} disabled={view === 'matrix'} data-testid="download-png">
          {t('downloads.png')}
        </button>
      </div>
      <p className="muted small">{view === 'matrix' ? t('downloads.pngMatrix') : t('downloads.dataHelp')}</p>
    </section>
  );
}

type CopyTo = (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => void;

export function Downloads({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const explorer = useExplorer();
  const { data, store } = explorer;
  const state = useExplorerState(useShallow(pickState));
  const [status, setStatus] = useState('');
  const shown = useMemo(() => shownAssignments(data, state), [data, state]);
  const link = shareUrl(serializeUrl(pickState(store.getState()), window.location.search));
  const parts = exportNameParts(data, state);
  const what = describeView(data, state, t);
  const save = (ext: string, text: string, mime: string) => {
    downloadText(exportFileName(parts, ext), text, mime);
    setStatus(t('downloads.saved'));
  };
  const png = async () => {
    setStatus(t('downloads.working'));
    const blob = await mapPng(explorer, t, shown, what, link);
    if (!blob) return setStatus(t('downloads.pngFailed'));
    downloadBlob(exportFileName(parts, 'png'), blob);
    setStatus(t('downloads.saved'));
  };
  const copy: CopyTo = async (text, field) => {
    setStatus((await copyText(text, field)) ? t('downloads.copied') : t('downloads.copyFailed'));
  };

  return (
    <Dialog
      testId="downloads"
      titleId="downloads-title"
      title={t('downloads.heading')}
      closeLabel={t('downloads.close')}
      onClose={onClose}
      cardClass="downloads"
      closeTestId="downloads-close"
    >
      <p className="muted" data-testid="downloads-scope">
        {t('downloads.scope', { count: shown.length, what })}
      </p>
      <DataFiles shown={shown} onSave={save} onPng={() => void png()} />
      <CopyText
        id="cite-text"
        label={t('downloads.cite')}
        value={citeThis(shown, data.plans, state.lang, { url: link, accessed: today() })}
        rows={6}
        button={t('downloads.copyCite')}
        testId="cite"
        onCopy={copy}
      />
      <ShareLink link={link} text={what} onCopy={copy} />
      <CopyText
        id="embed-code"
        label={t('downloads.embed')}
        value={embedSnippet(link, t('app.title'))}
        rows={3}
        help={t('downloads.embedHelp')}
        button={t('downloads.copyEmbed')}
        testId="embed"
        onCopy={copy}
      />
      <p className="status" role="status" data-testid="downloads-status">
        {status}
      </p>
    </Dialog>
  );
}
