/**
 * Downloads and sharing: CSV and GeoJSON of exactly what the current view shows (shownAssignments), a PNG of the map
 * with title, legend and source, a "cite this" text naming the plans behind it, and the share link (copy, or the
 * phone's share sheet). A dialog, so it works the same on a phone.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { citeThis } from '../export/cite.ts';
import { CSV_MIME, toCsv } from '../export/csv.ts';
import { downloadBlob, downloadText, exportFileName } from '../export/download.ts';
import { embedSnippet } from '../export/embed.ts';
import { GEOJSON_MIME, geoJsonText, toGeoJson } from '../export/geojson.ts';
import { legendEntries } from '../state/colors.ts';
import { comparedPlans, exportNameParts, shownAssignments } from '../state/planner.ts';
import { pickState } from '../state/store.ts';
import { serializeUrl } from '../state/url.ts';
import { useExplorer, useExplorerState } from './context.tsx';
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

export function Downloads({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data, store, derived, mapCommands } = useExplorer();
  const state = useExplorerState(useShallow(pickState));
  const lang = state.lang;
  const [status, setStatus] = useState('');
  const linkRef = useRef<HTMLInputElement>(null);
  const citeRef = useRef<HTMLTextAreaElement>(null);
  const embedRef = useRef<HTMLTextAreaElement>(null);
  const shown = useMemo(() => shownAssignments(data, state), [data, state]);
  const link = shareUrl(serializeUrl(pickState(store.getState()), window.location.search));
  const embed = embedSnippet(link, t('app.title'));
  const cite = citeThis(shown, data.plans, lang, { url: link, accessed: today() });
  const parts = exportNameParts(data, state);
  const ctx = { plans: data.plans, places: data.places, industries: data.industries };

  const describe = (): string => {
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
  };

  const png = async () => {
    setStatus(t('downloads.working'));
    // The same entries as the on-screen legend (colours, county outline, dashed region lines, parks).
    const legend = legendEntries(derived.mode).map((e) => ({
      mark: e.mark,
      color: e.color,
      label: t(e.key, e.options),
    }));
    const plans = [...new Set(shown.map((a) => a.plan))]
      .map((id) => data.planById.get(id)?.year)
      .filter(Boolean)
      .join(', ');
    const blob = await mapCommands.current?.snapshot({
      title: t('app.title'),
      subtitle: describe(),
      legend,
      source: t('downloads.pngSource', { plans, attribution: data.attribution, url: link }),
    });
    if (!blob) {
      setStatus(t('downloads.pngFailed'));
      return;
    }
    downloadBlob(exportFileName(parts, 'png'), blob);
    setStatus(t('downloads.saved'));
  };

  const copy = async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    setStatus((await copyText(text, field)) ? t('downloads.copied') : t('downloads.copyFailed'));
  };

  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

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
        {t('downloads.scope', { count: shown.length, what: describe() })}
      </p>
      <section>
        <h3>{t('downloads.data')}</h3>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              downloadText(exportFileName(parts, 'csv'), toCsv(shown, ctx), CSV_MIME);
              setStatus(t('downloads.saved'));
            }}
            disabled={shown.length === 0}
            data-testid="download-csv"
          >
            {t('downloads.csv')}
          </button>
          <button
            type="button"
            onClick={() => {
              const text = geoJsonText(toGeoJson(shown, ctx, { attribution: data.attribution }));
              downloadText(exportFileName(parts, 'geojson'), text, GEOJSON_MIME);
              setStatus(t('downloads.saved'));
            }}
            disabled={shown.length === 0}
            data-testid="download-geojson"
          >
            {t('downloads.geojson')}
          </button>
          <button
            type="button"
            onClick={() => void png()}
            disabled={state.view === 'matrix'}
            data-testid="download-png"
          >
            {t('downloads.png')}
          </button>
        </div>
        <p className="muted small">{state.view === 'matrix' ? t('downloads.pngMatrix') : t('downloads.dataHelp')}</p>
      </section>
      <section>
        <h3>
          <label htmlFor="cite-text">{t('downloads.cite')}</label>
        </h3>
        <textarea id="cite-text" ref={citeRef} readOnly value={cite} rows={6} data-testid="cite-text" />
        <button type="button" onClick={() => void copy(cite, citeRef.current)} data-testid="copy-cite">
          {t('downloads.copyCite')}
        </button>
      </section>
      <section>
        <h3>
          <label htmlFor="share-link">{t('downloads.link')}</label>
        </h3>
        <input id="share-link" ref={linkRef} readOnly value={link} data-testid="share-link" />
        <div className="button-row">
          <button type="button" onClick={() => void copy(link, linkRef.current)} data-testid="copy-link">
            {t('downloads.copyLink')}
          </button>
          {canShare && (
            <button
              type="button"
              onClick={() =>
                void navigator.share({ title: t('app.title'), text: describe(), url: link }).catch(() => {})
              }
              data-testid="native-share"
            >
              {t('downloads.share')}
            </button>
          )}
        </div>
      </section>
      <section>
        <h3>
          <label htmlFor="embed-code">{t('downloads.embed')}</label>
        </h3>
        <p className="muted small" id="embed-help">
          {t('downloads.embedHelp')}
        </p>
        <textarea
          id="embed-code"
          ref={embedRef}
          readOnly
          value={embed}
          rows={3}
          aria-describedby="embed-help"
          data-testid="embed-code"
        />
        <button type="button" onClick={() => void copy(embed, embedRef.current)} data-testid="copy-embed">
          {t('downloads.copyEmbed')}
        </button>
      </section>
      <p className="status" role="status" data-testid="downloads-status">
        {status}
      </p>
    </Dialog>
  );
}
