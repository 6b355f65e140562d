import { requestType, requestTypes } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { useCreateForm } from '../../hooks';
import { t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { Problem } from '../../ui';
import { assetsOf, basisCode, RequestBasisAndAssets, selectorOf } from '../requests/targets';
import { PartnerPanel } from '../turnaround';

/** The types the new-request form offers (a takedown is raised with its items, on its own screen). */
const NEW_REQUEST_TYPES = requestTypes().flatMap((d) => (d.form.newRequest ? [d.id] : []));

function NewRequest({ ws, onDone }: { ws: Schemas['Workspace']; onDone: () => void }) {
  const [provider, setProvider] = useState('mekong-bank');
  const { err, sent, onSubmit } = useCreateForm(async (f) => {
    const selectors = String(f.get('selectors'))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map(selectorOf);
    await ok(
      api().POST('/v1/workspaces/{workspaceId}/requests', {
        params: { path: { workspaceId: ws.id } },
        body: {
          providerOrgId: String(f.get('provider')),
          type: f.get('type') as Schemas['CreateRequest']['type'],
          legalBasis: { code: basisCode(f), text: String(f.get('legal')) },
          ...assetsOf(f),
          description: String(f.get('description')),
          selectors: selectors as Schemas['CreateRequest']['selectors'],
          urgency: requestType(String(f.get('type'))).form.urgency ?? 'standard',
          send: true,
          marking: markingOf(f),
        },
      }),
    );
  }, onDone);
  return (
    <form class="card" aria-labelledby="h-newreq" onSubmit={onSubmit}>
      <h3 id="h-newreq">{t('req.new')}</h3>
      <label>
        {t('req.provider')}
        <input name="provider" required defaultValue="mekong-bank" onChange={(e) => setProvider(e.currentTarget.value.trim())} />
      </label>
      <PartnerPanel orgId={provider} />
      <label>
        {t('req.type')}
        <select name="type">
          {NEW_REQUEST_TYPES.map((x) => (
            <option key={x} selected={x === 'production'}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ws.legal')}
        <input name="legal" required defaultValue="Budapest Convention art. 18" />
      </label>
      <label>
        {t('req.description')}
        <textarea name="description" required rows={2} />
      </label>
      <label>
        {t('req.selectors')} (type: value)
        <textarea name="selectors" required rows={2} defaultValue="iban: GB82 WEST 1234 5698 7654 32" />
      </label>
      <RequestBasisAndAssets />
      <MarkingEditor key={sent} id="newreq" ws={ws} defaultTlp="AMBER" error={err} />
      <Problem error={err} />
      <button type="submit">{t('common.submit')}</button>
    </form>
  );
}

export { NewRequest };
