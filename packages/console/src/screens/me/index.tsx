import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, apiUrl, ok, type Schemas } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, type Key, t } from '../../i18n';
import { canBePager, subscribeThisDevice } from '../../pager-device';
import { Loading, Page, Problem } from '../../ui';

type Method = Schemas['ContactMethod'];

/** The countries offered for a phone number typed as it is dialled there; anything else is typed with + and its code. */
const REGIONS = ['TH', 'VN', 'KH', 'LA', 'MY', 'SG', 'ID', 'PH', 'GB', 'US'] as const;
const KIND: Record<Method['kind'], Key> = { email: 'me.kind.email', phone: 'me.kind.phone', push: 'me.kind.push' };

/** A refusal for asking codes too often, said in the person's language with the wait the server gave. */
const tooMany = (x: unknown): string | undefined =>
  x instanceof ApiError && x.status === 429 ? t('me.tooMany', { s: x.problem?.detail?.match(/(\d+) s/)?.[1] ?? '60' }) : undefined;

interface LocalChannels {
  mailUi: string;
  smsSink: string;
}
interface Sms {
  messageId: string;
  to: string;
  text: string;
  at: string;
}
interface Push {
  messageId: string;
  title: string;
  body: string;
  at: string;
}

/** The local runtime's channels, or null where there are none (`/local/*` exists only locally). */
function useLocalChannels(): LocalChannels | null | undefined {
  const [channels, setChannels] = useState<LocalChannels | null>();
  useEffect(() => {
    fetch(apiUrl('/local/channels'))
      .then(async (r) => setChannels(r.ok ? ((await r.json()) as LocalChannels) : null))
      .catch(() => setChannels(null));
  }, []);
  return channels;
}

/**
 * The local runtime's channels (`/local/*` exists only there): a link to the local mailbox and
 * the SMS and pushes its sinks hold, so a newcomer reads what the platform sent without a phone.
 */
function LocalMessages({ channels }: { channels: LocalChannels | null | undefined }) {
  const sms = usePoll(
    async () => (channels ? ((await (await fetch(apiUrl('/local/sms'))).json()) as { items: Sms[] }).items : []),
    [channels],
  );
  const pushes = usePoll(
    async () => (channels ? ((await (await fetch(apiUrl('/local/push'))).json()) as { items: Push[] }).items : []),
    [channels],
  );
  if (!channels) return null;
  return (
    <section class="card" aria-labelledby="h-local">
      <h2 id="h-local">{t('me.local.title')}</h2>
      <p class="muted">{t('me.local.intro')}</p>
      <p>
        <a href={channels.mailUi} target="_blank" rel="noreferrer">
          {t('me.local.mailUi')}
        </a>
      </p>
      <table>
        <caption>{t('me.local.sms')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('me.local.to')}</th>
            <th scope="col">{t('me.local.text')}</th>
            <th scope="col">{t('me.local.at')}</th>
          </tr>
        </thead>
        <tbody>
          {(sms.data ?? []).length === 0 && (
            <tr>
              <td colSpan={3}>{t('me.local.smsNone')}</td>
            </tr>
          )}
          {(sms.data ?? []).slice(0, 10).map((m) => (
            <tr key={m.messageId}>
              <td>{m.to}</td>
              <td lang="en">{m.text}</td>
              <td>{fmtDateTime(m.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t('me.local.push')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('me.local.pushTitle')}</th>
            <th scope="col">{t('me.local.text')}</th>
            <th scope="col">{t('me.local.at')}</th>
          </tr>
        </thead>
        <tbody>
          {(pushes.data ?? []).length === 0 && (
            <tr>
              <td colSpan={3}>{t('me.local.pushNone')}</td>
            </tr>
          )}
          {(pushes.data ?? []).slice(0, 10).map((m) => (
            <tr key={m.messageId}>
              <td lang="en">{m.title}</td>
              <td lang="en">{m.body}</td>
              <td>{fmtDateTime(m.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * "Use this device as a pager": asks to show notifications, subscribes this browser at its push
 * service with the platform's VAPID key and registers the subscription as a web-push method; its
 * code arrives as a notification, which is also shown here while the console is open.
 */
function PagerDevice({ local, onAdded }: { local: boolean; onAdded: () => Promise<void> }) {
  const supported = canBePager();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [err, setErr] = useState<unknown>();
  const [received, setReceived] = useState<{ title: string; body: string }>();
  useEffect(() => {
    if (!supported) return;
    const on = (e: MessageEvent<{ type?: string; title?: string; body?: string }>) => {
      if (e.data?.type === 'push') setReceived({ title: String(e.data.title ?? ''), body: String(e.data.body ?? '') });
    };
    navigator.serviceWorker.addEventListener('message', on);
    return () => navigator.serviceWorker.removeEventListener('message', on);
  }, [supported]);
  const start = async () => {
    setBusy(true);
    setNote(t('me.pager.busy'));
    setErr(undefined);
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setNote(t('me.pager.denied'));
      const { publicKey } = await ok(api().GET('/v1/me/push-key'));
      let subscription: Awaited<ReturnType<typeof subscribeThisDevice>>;
      try {
        subscription = await subscribeThisDevice(publicKey);
      } catch (x) {
        return setNote(t('me.pager.noService', { why: x instanceof Error ? x.name : String(x) }));
      }
      await ok(api().POST('/v1/me/contact-methods', { body: { kind: 'push', subscription } }));
      setNote(t('me.pager.added'));
      await onAdded();
    } catch (x) {
      const limited = tooMany(x);
      setNote(limited ?? '');
      setErr(limited ? undefined : x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="h-pager">
      <h2 id="h-pager">{t('me.pager.title')}</h2>
      {supported ? <p class="muted">{t('me.pager.intro')}</p> : <p>{t('me.pager.unsupported')}</p>}
      {local && <p class="muted">{t('me.pager.local')}</p>}
      {supported && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void start()}>
            {t('me.pager.submit')}
          </button>
        </div>
      )}
      <p role="status">{note}</p>
      {received && <p role="status">{t('me.pager.received', received)}</p>}
      <Problem error={err} />
    </section>
  );
}

function MethodItem({
  m,
  first,
  last,
  onChanged,
  onMove,
  say,
}: {
  m: Method;
  first: boolean;
  last: boolean;
  onChanged: () => Promise<void>;
  onMove: (by: -1 | 1) => void;
  say: (note: string, err?: unknown) => void;
}) {
  const [code, setCode] = useState('');
  const [asking, setAsking] = useState(false);
  // A refusal is shown beside the method it is about (on a phone the page's top is far away).
  const [err, setErr] = useState<unknown>();
  const tell = (note: string, x?: unknown) => {
    setErr(x);
    say(note);
  };
  const address = m.address;
  const verified = m.status === 'verified';
  return (
    <li class="card">
      <p>
        <strong>{t(KIND[m.kind])}</strong> · <span>{address}</span> ·{' '}
        {/* Two devices on one push service share its address: when each was registered tells them apart. */}
        {m.kind === 'push' && <span class="muted">{t('me.pushAddedAt', { time: fmtDateTime(m.createdAt) })} · </span>}
        <span class={`status st-${verified ? 'acknowledged' : 'raised'}`}>
          {t(verified ? 'me.status.verified' : 'me.status.unverified')}
        </span>
      </p>
      {!verified && (
        <>
          <p class="muted">{m.codeExpiresAt ? t('me.codeSent', { address, time: fmtDateTime(m.codeExpiresAt) }) : t('me.codeNone')}</p>
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              try {
                await ok(api().POST('/v1/me/contact-methods/{methodId}/verify', { params: { path: { methodId: m.id } }, body: { code } }));
                setCode('');
                tell(t('me.verified', { address }));
                await onChanged();
              } catch (x) {
                tell('', x);
              }
            }}
          >
            <label>
              {t('me.code', { address })}
              <input
                required
                inputMode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                value={code}
                aria-describedby={`hint-${m.id}`}
                onInput={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              />
            </label>
            <span id={`hint-${m.id}`} class="muted">
              {t('me.codeHint')}
            </span>
            <div class="actions">
              <button type="submit">{t('me.verify')}</button>
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  try {
                    await ok(api().POST('/v1/me/contact-methods/{methodId}/resend', { params: { path: { methodId: m.id } } }));
                    tell(t('me.resent', { address }));
                    await onChanged();
                  } catch (x) {
                    const limited = tooMany(x);
                    tell(limited ?? '', limited ? undefined : x);
                  }
                }}
              >
                {t('me.resend')}
              </button>
            </div>
            <Problem error={err} />
          </form>
        </>
      )}
      <div class="actions">
        {!first && (
          <button type="button" class="secondary small" aria-label={t('me.up', { address })} onClick={() => onMove(-1)}>
            ↑
          </button>
        )}
        {!last && (
          <button type="button" class="secondary small" aria-label={t('me.down', { address })} onClick={() => onMove(1)}>
            ↓
          </button>
        )}
        {!asking && (
          <button type="button" class="secondary small" onClick={() => setAsking(true)}>
            {t('me.remove', { address })}
          </button>
        )}
      </div>
      {verified && <Problem error={err} />}
      {asking && (
        <fieldset>
          <legend>{t('me.removeConfirm', { address })}</legend>
          <div class="actions">
            <button
              type="button"
              onClick={async () => {
                try {
                  await ok(api().DELETE('/v1/me/contact-methods/{methodId}', { params: { path: { methodId: m.id } } }));
                  tell(t('me.removed', { address }));
                  await onChanged();
                } catch (x) {
                  tell('', x);
                  setAsking(false);
                }
              }}
            >
              {t('me.removeYes')}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              {t('me.cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

/**
 * My contact methods: where the signed-in person is reached when paged, in order; add an e-mail
 * or a phone (country picked, number typed), type the code each was sent, reorder, remove.
 */
export function MyContactMethods() {
  const list = usePoll(() => ok(api().GET('/v1/me/contact-methods')), [], false);
  const [note, setNote] = useState('');
  const [err, setErr] = useState<unknown>();
  const [email, setEmail] = useState('');
  const [region, setRegion] = useState<string>('TH');
  const [number, setNumber] = useState('');
  const say = (n: string, x?: unknown) => {
    setNote(n);
    setErr(x);
  };
  const local = useLocalChannels();
  const add = async (body: Schemas['AddContactMethod']) => {
    setErr(undefined);
    try {
      const r = await ok(api().POST('/v1/me/contact-methods', { body }));
      say(t(r.codeSent ? 'me.added' : 'me.addedNoCode', { address: r.method.address }));
      await list.reload();
      return true;
    } catch (x) {
      const limited = tooMany(x);
      say(limited ?? '', limited ? undefined : x);
      return false;
    }
  };
  const items = list.data?.items ?? [];
  const move = async (i: number, by: -1 | 1) => {
    const order = items.map((m) => m.id);
    const [id] = order.splice(i, 1);
    order.splice(i + by, 0, id!);
    try {
      await ok(api().PUT('/v1/me/contact-methods/order', { body: { order } }));
      say(t('me.reordered'));
      await list.reload();
    } catch (x) {
      say('', x);
    }
  };
  return (
    <Page title={t('me.title')}>
      <p class="muted">{t('me.intro')}</p>
      <p role="status">{note}</p>
      <Problem error={err ?? list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <section aria-labelledby="h-methods">
          <h2 id="h-methods">{t('me.listTitle')}</h2>
          {items.length === 0 ? (
            <p>{t('me.none')}</p>
          ) : (
            <ol class="methods">
              {items.map((m, i) => (
                <MethodItem
                  key={m.id}
                  m={m}
                  first={i === 0}
                  last={i === items.length - 1}
                  onChanged={list.reload}
                  onMove={(by) => void move(i, by)}
                  say={say}
                />
              ))}
            </ol>
          )}
        </section>
      )}
      <PagerDevice local={Boolean(local)} onAdded={list.reload} />
      <form
        class="card"
        aria-labelledby="h-add-email"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add({ kind: 'email', address: email.trim() })) setEmail('');
        }}
      >
        <h2 id="h-add-email">{t('me.addEmail')}</h2>
        <label>
          {t('me.email')}
          <input required type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="submit">{t('me.addEmailSubmit')}</button>
        </div>
      </form>
      <form
        class="card"
        aria-labelledby="h-add-phone"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add({ kind: 'phone', number: number.trim(), ...(region ? { region } : {}) })) setNumber('');
        }}
      >
        <h2 id="h-add-phone">{t('me.addPhone')}</h2>
        <label>
          {t('me.region')}
          <select value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`me.region.${r}` as Key)}
              </option>
            ))}
            <option value="">{t('me.region.other')}</option>
          </select>
        </label>
        <label>
          {t('me.phone')}
          <input
            required
            type="tel"
            autocomplete="tel-national"
            value={number}
            aria-describedby="hint-phone"
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
        </label>
        <span id="hint-phone" class="muted">
          {t('me.phoneHint')}
        </span>
        <div class="actions">
          <button type="submit">{t('me.addPhoneSubmit')}</button>
        </div>
      </form>
      <LocalMessages channels={local} />
    </Page>
  );
}
