import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, type Schemas } from './api/client';
import { now } from './hooks';
import { type EnumField, enumLabel, fmtDateTime, fmtDuration, hasKey, type Key, locale, t } from './i18n';
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

/**
 * A refusal as the person reads it: the problem `type` translated (title and what to do), the fields
 * the server named kept verbatim, and the server's own words (English) beside them.
 */
export function Problem({ error }: { error: unknown }) {
  useSignal(locale);
  if (!error) return null;
  if (error instanceof ApiError && error.status === 404) return <p role="alert">{t('common.notFound')}</p>;
  // A request that never reached the server (offline, a dropped connection, a screen's code that
  // could not be fetched): the browser says so in English only ("Failed to fetch"), so we say it.
  if (error instanceof TypeError && /fetch|network|import/i.test(error.message))
    return (
      <p role="alert" class="error">
        {t('common.unreachable')}
      </p>
    );
  if (!(error instanceof ApiError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return (
      <p role="alert" class="error">
        {t('common.error', { detail })}
      </p>
    );
  }
  const slug = error.slug;
  const title = slug && hasKey(`problem.title.${slug}`) ? t(`problem.title.${slug}` as Key) : error.problem?.title;
  const generic = slug && hasKey(`problem.detail.${slug}`) ? t(`problem.detail.${slug}` as Key) : undefined;
  const errors = error.problem?.errors ?? [];
  const said = error.problem?.detail ?? (error.problem ? undefined : error.message);
  // The server's words once: not again when they repeat a field's message.
  const server = errors.some((e) => e.message === said) ? undefined : said;
  const english = locale.value === 'en';
  return (
    <div role="alert" class="error problem">
      <p>
        <strong>{title ?? t('common.error', { detail: `HTTP ${error.status}` })}</strong>
        {!english && generic && <> {generic}</>}
      </p>
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li key={e.field}>
              {t('problem.field')} <code>{e.field}</code>: <span lang="en">{e.message}</span>
            </li>
          ))}
          {(error.problem?.errorsOmitted ?? 0) > 0 && <li>{t('problem.more', { n: error.problem?.errorsOmitted ?? 0 })}</li>}
        </ul>
      )}
      {server && (
        <p class="server">
          {!english && <span class="muted">{t('problem.server')}: </span>}
          <span lang="en">{server}</span>
        </p>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** A record's status, always as a label in the language shown (never the raw value). */
export function Status({ value }: { value: string }) {
  return <span class={`status st-${value}`}>{enumLabel('status', value)}</span>;
}

/** Any enum value as a label: `<Enum field="severity" value="critical" />`. */
export function Enum({ field, value }: { field: EnumField; value: string | undefined }) {
  if (!value) return null;
  return <span class={`enum ${field}-${value}`}>{enumLabel(field, value)}</span>;
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

/**
 * An action that asks first: the button opens, in its place, a form saying what will happen (its
 * `title` as a heading when given, then the `question`) with the fields the action needs (a
 * reason, say); "`confirm`" runs `onConfirm` with the form's data, "Cancel" closes it. Focus moves to
 * the question, so it is read out. It stays open while the action runs, and after it when
 * `onConfirm` answers `false` (it failed and says why).
 */
export function Confirm({
  label,
  title,
  question,
  confirm,
  onConfirm,
  secondary,
  danger,
  children,
}: {
  label: string;
  title?: string;
  question: string;
  confirm: string;
  onConfirm: (form: FormData) => Promise<boolean | undefined> | Promise<void> | boolean | undefined;
  secondary?: boolean;
  danger?: boolean;
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const ask = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) ask.current?.focus();
  }, [open]);
  const look = [secondary && 'secondary', danger && 'danger'].filter(Boolean).join(' ') || undefined;
  if (!open)
    return (
      <button type="button" class={look} aria-expanded={false} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <form
      class="confirm"
      aria-labelledby={id}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          if ((await onConfirm(new FormData(e.currentTarget))) !== false) setOpen(false);
        } finally {
          setBusy(false);
        }
      }}
    >
      {title && <h3 id={id}>{title}</h3>}
      <p id={title ? undefined : id} tabIndex={-1} ref={ask}>
        {question}
      </p>
      {children}
      <div class="actions">
        <button type="submit" class={danger ? 'danger' : undefined} disabled={busy}>
          {confirm}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t('ws.cancel')}
        </button>
      </div>
    </form>
  );
}
