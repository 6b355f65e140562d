import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { type Cell, downloadCsv } from '../../csv';
import { t } from '../../i18n';

type Org = Schemas['Organisation'];

let directory: Promise<Org[]> | undefined;
/** The organisation registry, read once per page load: every picker of an agency or a country names it. */
const organisations = (): Promise<Org[]> => {
  directory ??= all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { cursor } } }))).catch((x) => {
    directory = undefined;
    throw x;
  });
  return directory;
};

/** The registry, once it is in (empty until then). */
export function useOrganisations(): Org[] {
  const [orgs, setOrgs] = useState<Org[]>([]);
  useEffect(() => {
    let live = true;
    organisations()
      .then((o) => live && setOrgs(o))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return orgs;
}

/** An organisation as a person reads it: its name, with its id only when the registry does not know it. */
export const orgLabel = (orgs: Org[], id: string): string => orgs.find((o) => o.id === id)?.name ?? id;

/** "Download CSV" of the list on screen: the same rows, with a header in the reader's language. */
export function CsvButton({ name, header, rows }: { name: string; header: string[]; rows: () => Cell[][] }) {
  return (
    <button type="button" class="secondary small" onClick={() => downloadCsv(name, header, rows())}>
      {t('ws.csv')}
    </button>
  );
}

/**
 * An action that asks first: the button opens a confirmation in place, saying what will happen;
 * "Confirm" runs it, "Cancel" closes it. Focus moves to the question, so it is read out.
 */
export function Confirm({
  label,
  question,
  confirm,
  onConfirm,
  secondary,
  children,
}: {
  label: string;
  question: string;
  confirm: string;
  onConfirm: () => Promise<void> | void;
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const ask = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (open) ask.current?.focus();
  }, [open]);
  if (!open)
    return (
      <button type="button" class={secondary ? 'secondary' : undefined} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <fieldset class="confirm">
      <legend class="sr-only">{label}</legend>
      <p tabIndex={-1} ref={ask}>
        {question}
      </p>
      {children}
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
              setOpen(false);
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirm}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('ws.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
