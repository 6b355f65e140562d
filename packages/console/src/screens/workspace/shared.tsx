import { useEffect, useState } from 'preact/hooks';
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
export function CsvButton({ name, header, rows, label }: { name: string; header: string[]; rows: () => Cell[][]; label?: string }) {
  return (
    <button type="button" class="secondary small" onClick={() => downloadCsv(name, header, rows())}>
      {label ?? t('ws.csv')}
    </button>
  );
}
