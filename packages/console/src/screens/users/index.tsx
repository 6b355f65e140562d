import { useEffect, useRef, useState } from 'preact/hooks';
import { all, api, ok, type Schemas, session } from '../../api/client';
import { applyFilter, FilterBar, useFilter } from '../../filters';
import { enumLabel, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Loading, Page, Problem } from '../../ui';
import { CsvButton } from '../workspace/shared';

type User = Schemas['User'];
type Role = User['roles'][number];

const PLATFORM = 'platform';
/** The roles an organisation's users may hold, in the order the form lists them. */
const ORG_ROLES: Role[] = ['officer', 'supervisor', 'duty_contact', 'auditor', 'policy_admin', 'responder', 'admin'];
const roleLabels = (roles: Role[]) => (roles.length ? roles.map((r) => enumLabel('platformRole', r)).join(', ') : t('users.noRoles'));

/**
 * The roles a caller may give in an organisation: the platform's users are administrators only; a
 * private partner's answer requests (responder); an agency's do the rest; only the platform grants admin.
 */
const offered = (orgId: string, kind: string | undefined, platformAdmin: boolean): Role[] =>
  orgId === PLATFORM
    ? ['admin']
    : ORG_ROLES.filter(
        (r) => (r !== 'admin' || platformAdmin) && (kind === 'provider' ? r === 'responder' || r === 'admin' : r !== 'responder'),
      );

function RoleBoxes({ roles, value, onChange }: { roles: Role[]; value: Role[]; onChange: (v: Role[]) => void }) {
  return (
    <fieldset>
      <legend>{t('users.roles')}</legend>
      <div class="choices">
        {roles.map((r) => (
          <label key={r} class="inline">
            <input
              type="checkbox"
              checked={value.includes(r)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...value, r] : value.filter((x) => x !== r))}
            />{' '}
            {enumLabel('platformRole', r)}
            {r === 'supervisor' && <span class="muted"> ({t('users.supervisorHint')})</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A modal question with a heading, what will happen, and the two answers; Escape cancels. */
function Confirm({
  title,
  body,
  yes,
  onYes,
  onClose,
  children,
}: {
  title: string;
  body?: string;
  yes: string;
  onYes: () => Promise<void>;
  onClose: () => void;
  children?: preact.ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="h-confirm" class="sheet">
      <h2 id="h-confirm">{title}</h2>
      {body && <p>{body}</p>}
      {children}
      <Problem error={err} />
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setErr(undefined);
            try {
              await onYes();
              ref.current?.close();
            } catch (x) {
              setErr(x);
            } finally {
              setBusy(false);
            }
          }}
        >
          {yes}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('users.cancel')}
        </button>
      </div>
    </dialog>
  );
}

type Ask = { kind: 'roles' | 'status' | 'mfa'; user: User };

/**
 * Users: the platform's administrators pick an organisation by name and manage its users; an
 * organisation's administrator manages its own. Invite (name, address, roles), change roles,
 * disable or enable, reset MFA; each change asks first and is audited by the API.
 */
export function Users() {
  const me = useSignal(session)?.me;
  const platformAdmin = me?.orgId === PLATFORM;
  const [orgs, setOrgs] = useState<{ id: string; name: string; kind: string }[]>();
  const [orgId, setOrgId] = useState<string>(platformAdmin ? '' : (me?.orgId ?? ''));
  const [users, setUsers] = useState<User[]>();
  const [next, setNext] = useState<string>();
  const [err, setErr] = useState<unknown>();
  const [done, setDone] = useState('');
  const [ask, setAsk] = useState<Ask>();
  const [draft, setDraft] = useState<Role[]>([]);
  const [invite, setInvite] = useState<{ name: string; email: string; roles: Role[] }>({ name: '', email: '', roles: [] });

  // An organisation's administrator: its own organisation, by name where its roles may read it.
  const [ownName, setOwnName] = useState<string>();
  useEffect(() => {
    if (platformAdmin || !me?.orgId) return;
    api()
      .GET('/v1/organisations/{orgId}', { params: { path: { orgId: me.orgId } } })
      .then((r) => setOwnName(r.data?.name))
      .catch(() => undefined);
  }, [platformAdmin, me?.orgId]);

  useEffect(() => {
    if (!platformAdmin) return;
    all((cursor) => ok(api().GET('/v1/organisations', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })))
      .then((list) => setOrgs(list.map((o) => ({ id: o.id, name: o.name, kind: o.kind })).sort((a, b) => a.name.localeCompare(b.name))))
      .catch(setErr);
  }, [platformAdmin]);

  const load = async (more?: string) => {
    if (!orgId) return;
    setErr(undefined);
    try {
      const page = await ok(api().GET('/v1/admin/users', { params: { query: { orgId, limit: 25, ...(more ? { cursor: more } : {}) } } }));
      setUsers((u) => [...(more ? (u ?? []) : []), ...page.items]);
      setNext(page.next);
    } catch (x) {
      setErr(x);
    }
  };
  useEffect(() => {
    setUsers(undefined);
    setDone('');
    void load();
  }, [orgId]);

  const replace = (u: User) => setUsers((list) => list?.map((x) => (x.sub === u.sub ? u : x)));
  const kindOf = (id: string) => (platformAdmin ? orgs?.find((o) => o.id === id)?.kind : me?.orgKind);
  const orgName = orgId === PLATFORM ? t('users.platformOrg') : (orgs?.find((o) => o.id === orgId)?.name ?? ownName ?? orgId);
  /** Only the platform's administrators change an administrator (users/admin.ts): others see why there is nothing to click. */
  const mayChange = (u: User) => platformAdmin || !u.roles.includes('admin');
  const [filter, setFilter] = useFilter();
  const shown = applyFilter(
    users ?? [],
    filter,
    (u) => `${u.name} ${u.email} ${roleLabels(u.roles)}`,
    (u) => u.status,
  );

  return (
    <Page title={t('users.title')}>
      <p class="muted">{t('users.intro')}</p>
      {!platformAdmin && <p class="muted">{t('users.ownOrgOnly')}</p>}
      {platformAdmin && (
        <label>
          {t('users.org')}
          <select value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            <option value="">{t('users.pickOrg')}</option>
            <option value={PLATFORM}>{t('users.platformOrg')}</option>
            {(orgs ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <Problem error={err} />
      <p role="status">{done}</p>
      {orgId && !users && !err && <Loading />}
      {orgId && users && (
        <>
          <FilterBar
            list="users"
            statuses={['active', 'disabled']}
            statusLabel={(st) => t(st === 'active' ? 'users.status.active' : 'users.status.disabled')}
            filter={filter}
            onChange={setFilter}
            shown={shown.length}
            total={users.length}
          />
          <CsvButton
            name="users"
            header={[t('users.name'), t('users.email'), t('users.roles'), t('users.status'), t('users.mfa')]}
            rows={() =>
              shown.map((u) => [
                u.name,
                u.email,
                roleLabels(u.roles),
                u.status === 'active' ? t('users.status.active') : t('users.status.disabled'),
                u.mfa ? t('users.mfa.on') : t('users.mfa.off'),
              ])
            }
          />
          <table>
            <caption>{t('users.listOf', { org: orgName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.mfa')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.length === 0 && (
                <tr>
                  <td colSpan={6}>{t('users.none')}</td>
                </tr>
              )}
              {shown.map((u) => (
                <tr key={u.sub}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>{roleLabels(u.roles)}</td>
                  <td>{u.status === 'active' ? t('users.status.active') : t('users.status.disabled')}</td>
                  <td>{u.mfa ? t('users.mfa.on') : t('users.mfa.off')}</td>
                  <td>
                    {!mayChange(u) && <span class="muted">{t('users.byPlatform')}</span>}
                    {mayChange(u) && (
                      <div class="actions">
                        <button
                          type="button"
                          aria-label={t('users.changeRolesOf', { name: u.name })}
                          onClick={() => {
                            setDraft(u.roles);
                            setAsk({ kind: 'roles', user: u });
                          }}
                        >
                          {t('users.changeRoles')}
                        </button>
                        <button
                          type="button"
                          aria-label={t(u.status === 'active' ? 'users.disableOf' : 'users.enableOf', { name: u.name })}
                          onClick={() => setAsk({ kind: 'status', user: u })}
                        >
                          {u.status === 'active' ? t('users.disable') : t('users.enable')}
                        </button>
                        <button
                          type="button"
                          aria-label={t('users.resetMfaOf', { name: u.name })}
                          onClick={() => setAsk({ kind: 'mfa', user: u })}
                        >
                          {t('users.resetMfa')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && (
            <button type="button" onClick={() => load(next)}>
              {t('users.more')}
            </button>
          )}

          <form
            class="card"
            aria-labelledby="h-invite"
            onSubmit={async (e) => {
              e.preventDefault();
              setErr(undefined);
              try {
                const u = await ok(api().POST('/v1/admin/users', { body: { ...invite, orgId } }));
                setUsers((list) => [...(list ?? []), u]);
                setInvite({ name: '', email: '', roles: [] });
                setDone(t('users.invited', { email: u.email }));
              } catch (x) {
                setErr(x);
              }
            }}
          >
            <h2 id="h-invite">{t('users.invite', { org: orgName })}</h2>
            <label>
              {t('users.name')}
              <input
                required
                value={invite.name}
                autocomplete="off"
                onInput={(e) => setInvite({ ...invite, name: e.currentTarget.value })}
              />
            </label>
            <label>
              {t('users.email')}
              <input
                required
                type="email"
                autocomplete="off"
                value={invite.email}
                onInput={(e) => setInvite({ ...invite, email: e.currentTarget.value })}
              />
            </label>
            <RoleBoxes
              roles={offered(orgId, kindOf(orgId), platformAdmin)}
              value={invite.roles}
              onChange={(roles) => setInvite({ ...invite, roles })}
            />
            <div class="actions">
              <button type="submit">{t('users.send')}</button>
            </div>
          </form>
        </>
      )}

      {ask?.kind === 'roles' && (
        <Confirm
          title={t('users.changeRolesOf', { name: ask.user.name })}
          yes={t('users.saveRoles')}
          onClose={() => setAsk(undefined)}
          onYes={async () => {
            const u = await ok(
              api().PUT('/v1/admin/users/{sub}/roles', { params: { path: { sub: ask.user.sub } }, body: { roles: draft } }),
            );
            replace(u);
            setDone(t('users.rolesSaved', { name: u.name }));
          }}
        >
          <RoleBoxes roles={offered(ask.user.orgId, kindOf(ask.user.orgId), platformAdmin)} value={draft} onChange={setDraft} />
        </Confirm>
      )}
      {ask?.kind === 'status' && (
        <Confirm
          title={t(ask.user.status === 'active' ? 'users.disableOf' : 'users.enableOf', { name: ask.user.name })}
          body={t(ask.user.status === 'active' ? 'users.disableWhat' : 'users.enableWhat')}
          yes={ask.user.status === 'active' ? t('users.disable') : t('users.enable')}
          onClose={() => setAsk(undefined)}
          onYes={async () => {
            const status = ask.user.status === 'active' ? 'disabled' : 'active';
            const u = await ok(api().PUT('/v1/admin/users/{sub}/status', { params: { path: { sub: ask.user.sub } }, body: { status } }));
            replace(u);
            setDone(t(status === 'disabled' ? 'users.disabled' : 'users.enabled', { name: u.name }));
          }}
        />
      )}
      {ask?.kind === 'mfa' && (
        <Confirm
          title={t('users.resetMfaOf', { name: ask.user.name })}
          body={t('users.resetMfaWhat')}
          yes={t('users.resetMfa')}
          onClose={() => setAsk(undefined)}
          onYes={async () => {
            const u = await ok(api().POST('/v1/admin/users/{sub}/mfa-reset', { params: { path: { sub: ask.user.sub } } }));
            replace(u);
            setDone(t('users.mfaReset', { name: u.name }));
          }}
        />
      )}
    </Page>
  );
}
