import { api, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, labelUnder, t } from '../../i18n';
import { Status } from '../../ui';
import { Invite } from './invite';
import { CsvButton, orgLabel, useOrganisations } from './shared';
import { TaxiiPanel } from './taxii';

export function Members({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const inv = usePoll(
    () =>
      isLead
        ? ok(api().GET('/v1/workspaces/{workspaceId}/invitations', { params: { path: { workspaceId: ws.id } } }))
        : Promise.resolve(undefined),
    [ws.id, isLead],
  );
  const orgs = useOrganisations();
  return (
    <section aria-labelledby="h-mem">
      <div class="section-head">
        <h2 id="h-mem">{t('ws.members')}</h2>
        <CsvButton
          name="members"
          header={[t('ws.org'), t('ws.country'), t('ws.role'), t('ws.joined')]}
          rows={() => ws.members.map((m) => [m.orgName, m.country, labelUnder('ws.roleName', m.role), m.joinedAt])}
        />
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ws.org')}</th>
            <th scope="col">{t('ws.country')}</th>
            <th scope="col">{t('ws.role')}</th>
            <th scope="col">{t('ws.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {ws.members.map((m) => (
            <tr key={m.orgId}>
              <td>
                {m.orgName} <span class="muted">({m.orgId})</span>
              </td>
              <td>{m.country}</td>
              <td>{labelUnder('ws.roleName', m.role)}</td>
              <td>{fmtDateTime(m.joinedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isLead && (
        <>
          <h3>{t('ws.invitations')}</h3>
          <ul class="rows">
            {inv.data?.items.map((i) => (
              <li class="row" key={i.orgId}>
                <div class="row-main">
                  {orgLabel(orgs, i.orgId)}{' '}
                  <span class="meta">
                    ({i.orgId}) · {labelUnder('ws.roleName', i.role)}
                  </span>
                </div>
                <Status value={i.status} />
              </li>
            ))}
          </ul>
          <Invite
            ws={ws}
            pending={(inv.data?.items ?? []).filter((i) => i.status === 'pending').map((i) => i.orgId)}
            onSent={() => void inv.reload()}
          />
        </>
      )}
      <TaxiiPanel workspaceId={ws.id} />
    </section>
  );
}
