import { requestType } from '@taskforce/core/request-types';
import { all, api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { t } from '../../i18n';
import { Problem } from '../../ui';
import { SelectField } from './select-field';

type Org = Schemas['Organisation'];

/** The private partners (active ones), read once per screen. */
export function usePartners() {
  return usePoll(
    async () =>
      (await all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { cursor } } })))).filter(
        (o) => o.kind === 'provider' && o.status !== 'suspended',
      ),
    [],
    false,
  );
}

/** The partners that take a request type: those of its sectors (any partner if it names none). */
const partnersFor = (partners: readonly Org[], type: string): Org[] => {
  const sectors = requestType(type).partners.sectors;
  return partners
    .filter((o) => !sectors || (o.sector !== undefined && sectors.includes(o.sector)))
    .sort((a, b) => a.name.localeCompare(b.name));
};

/** The addressee, picked by name among the partners that take `type` (the form sends the organisation's id). */
export function PartnerSelect({
  type,
  value,
  onChange,
  name = 'provider',
}: {
  type: string;
  value: string;
  onChange: (id: string) => void;
  name?: string;
}) {
  const r = usePartners();
  const options = partnersFor(r.data ?? [], type);
  const chosen = options.some((o) => o.id === value) ? value : (options[0]?.id ?? '');
  if (chosen !== value && chosen) queueMicrotask(() => onChange(chosen));
  return (
    <>
      <SelectField label={t('req.provider')} name={name} required value={chosen} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.country}){o.sector ? ` · ${t(`req.sector.${o.sector}`)}` : ''}
          </option>
        ))}
      </SelectField>
      {r.data && options.length === 0 && <p class="muted">{t('req.noPartner')}</p>}
      <Problem error={r.error} />
    </>
  );
}
