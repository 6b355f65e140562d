import type { ComponentChildren } from 'preact';
import { ApiError, type Schemas } from './api/client';
import { now } from './hooks';
import { fmtDateTime, fmtDuration, type Key, t } from './i18n';
import { useSignal } from './signal';

type Marking = Pick<Schemas['Task']['marking'], 'tlp' | 'caveats'> & {
  releasableTo?: Schemas['Task']['marking']['releasableTo'];
  embargoUntil?: string | undefined;
};

/** The marking as a banner: TLP colour and label (always English, per TLP 2.0), REL TO, caveats. */
export function MarkingBanner({ marking, compact = false }: { marking: Marking | undefined; compact?: boolean }) {
  if (!marking) return null;
  const rel = marking.releasableTo;
  const relText = rel === undefined ? undefined : Array.isArray(rel) ? rel.join(', ') : t('marking.members');
  const cls = `marking tlp-${marking.tlp.toLowerCase().replace('+', '-')}${compact ? ' compact' : ''}`;
  return (
    <div class={cls} data-tlp={marking.tlp}>
      <span class="tlp" lang="en">
        TLP:{marking.tlp}
      </span>
      {relText && <span class="rel">{t('marking.relTo', { c: relText })}</span>}
      {marking.caveats.map((c) => (
        <span class="caveat" lang="en" key={c}>
          {c}
        </span>
      ))}
      {marking.embargoUntil && <span class="embargo">{t('marking.embargoed', { d: fmtDateTime(marking.embargoUntil) })}</span>}
    </div>
  );
}

/** Time left until `iso` (or past it), ticking every second. */
export function Countdown({ iso, paused }: { iso: string | undefined; paused?: boolean }) {
  const n = useSignal(now);
  if (!iso) return null;
  if (paused) return <span class="countdown paused">{t('req.paused')}</span>;
  const left = new Date(iso).getTime() - n;
  return (
    <time class={`countdown${left < 0 ? ' late' : left < 86_400_000 ? ' soon' : ''}`} dateTime={iso}>
      {left < 0 ? t('req.overdueBy', { d: fmtDuration(left) }) : t('req.dueIn', { d: fmtDuration(left) })}
    </time>
  );
}

export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 404) return <p role="alert">{t('common.notFound')}</p>;
  const detail =
    error instanceof ApiError ? (error.problem?.detail ?? error.message) : error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" class="error">
      {t('common.error', { detail })}
    </p>
  );
}

export function Loading() {
  return (
    <p class="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function Status({ value }: { value: string }) {
  const key = `status.${value}` as Key;
  const label = t(key);
  return <span class={`status st-${value}`}>{label === key ? value.replace(/_/g, ' ') : label}</span>;
}

export function Page({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <>
      <div class="page-head">
        <h1 id="page-title">{title}</h1>
        {actions}
      </div>
      {children}
    </>
  );
}
