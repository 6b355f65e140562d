import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, ok, type Schemas, session } from '../../api/client';
import { fmtDateTime, t } from '../../i18n';
import { MarkingEditor, markingOf } from '../../marking-editor';
import { useSignal } from '../../signal';
import { MarkingBanner, Problem } from '../../ui';
import { orgLabel, useOrganisations } from '../workspace/shared';

type Message = Schemas['Message'];
type PortalMessage = Schemas['PortalMessage'];

/** Where a thread is: an agency's record or channel, or the partner's own request. */
export type ThreadSource =
  | { as: 'agency'; ws: string; kind: 'channel' | 'task' | 'incident' | 'request'; id: string }
  | { as: 'partner'; requestId: string };

/** How often an open thread asks whether anything changed (ms): within the 2 s the issue asks. */
const THREAD_POLL_MS = 1500;

/** One message as the panel shows it, whichever side reads it. */
interface Shown {
  id: string;
  author: string;
  mine: boolean;
  text: string;
  marking: Parameters<typeof MarkingBanner>[0]['marking'];
  replyTo?: string | undefined;
  mentionsMe: boolean;
  createdAt: string;
  editedAt?: string | undefined;
  redacted: boolean;
  version: number;
}

const isAgencyView = (m: Message | PortalMessage): m is Message => 'marking' in m;

const agencyPath = (s: Extract<ThreadSource, { as: 'agency' }>) => ({
  path: { workspaceId: s.ws, kind: s.kind, threadId: s.id },
});

/**
 * The thread's newest page, asked every THREAD_POLL_MS while the tab is visible, with the ETag of
 * the last answer: an unchanged thread answers 304 and nothing is redrawn.
 */
function useThread(source: ThreadSource) {
  const [items, setItems] = useState<(Message | PortalMessage)[] | undefined>();
  const [error, setError] = useState<unknown>();
  const tag = useRef<string | undefined>(undefined);
  const busy = useRef(false);
  const key = JSON.stringify(source);
  const load = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const header = tag.current ? { 'if-none-match': tag.current } : {};
      const {
        data,
        response,
        error: e,
      } = source.as === 'agency'
        ? await api().GET('/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages', {
            params: { ...agencyPath(source), query: { limit: 50 }, header },
          })
        : await api().GET('/v1/portal/requests/{requestId}/messages', {
            params: { path: { requestId: source.requestId }, query: { limit: 50 }, header },
          });
      if (response.status === 304) return;
      if (!response.ok || !data) throw new ApiError(response.status, e as Schemas['Problem'] | undefined);
      tag.current = response.headers.get('etag') ?? undefined;
      setItems(data.items);
      setError(undefined);
    } catch (x) {
      setError(x);
    } finally {
      busy.current = false;
    }
  };
  useEffect(() => {
    tag.current = undefined;
    setItems(undefined);
    void load();
    const id = setInterval(() => {
      if (!document.hidden) void load();
    }, THREAD_POLL_MS);
    return () => clearInterval(id);
  }, [key]);
  const reload = async () => {
    tag.current = undefined;
    await load();
  };
  return { items, error, reload };
}

/** The workspace a thread is in (its members and countries, for mentions and the marking editor); none for a partner. */
function useWorkspace(source: ThreadSource, given: Schemas['Workspace'] | undefined) {
  const [ws, setWs] = useState(given);
  const id = source.as === 'agency' ? source.ws : undefined;
  useEffect(() => {
    if (given || !id) return;
    ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId: id } } }))
      .then(setWs)
      .catch(() => undefined);
  }, [id, given]);
  return given ?? ws;
}

export function ThreadPanel({ source, ws }: { source: ThreadSource; ws?: Schemas['Workspace'] | undefined }) {
  const s = useSignal(session)!;
  const members = useWorkspace(source, ws);
  const orgs = useOrganisations();
  const { items, error, reload } = useThread(source);
  const [replyTo, setReplyTo] = useState<Shown | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [revisionsOf, setRevisionsOf] = useState<string | undefined>();
  const [err, setErr] = useState<unknown>();
  const [sent, setSent] = useState(0);
  const list = useRef<HTMLOListElement>(null);

  const shown: Shown[] = [...(items ?? [])].reverse().map((m) =>
    isAgencyView(m)
      ? {
          id: m.id,
          author: orgLabel(orgs, m.author.orgId),
          mine: m.author.sub === s.me.sub && m.author.orgId === s.me.orgId,
          text: m.text,
          marking: m.marking,
          replyTo: m.replyTo,
          mentionsMe: m.mentions.orgs.includes(s.me.orgId) || m.mentions.people.some((x) => x.sub === s.me.sub),
          createdAt: m.createdAt,
          editedAt: m.editedAt,
          redacted: Boolean(m.redacted),
          version: m.version,
        }
      : (() => {
          const p = m as PortalMessage;
          return {
            id: p.id,
            author: p.author.side === 'you' ? t('thread.you') : p.author.name,
            mine: p.author.side === 'you',
            text: p.text,
            marking: { tlp: p.handling.tlp, caveats: p.handling.caveats },
            replyTo: p.replyTo,
            mentionsMe: p.mentionsYou,
            createdAt: p.createdAt,
            editedAt: p.editedAt,
            redacted: p.redacted,
            version: p.version,
          };
        })(),
  );
  const unread = shown.filter((m) => m.mentionsMe && !m.mine).length;
  // The newest message is at the bottom: keep it in view as messages arrive.
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [shown.length]);

  /** Who may be named: the workspace's members (agencies), or on the partner's side its requesting agency. */
  const mentionable =
    source.as === 'agency'
      ? (members?.members ?? []).filter((m) => m.orgId !== s.me.orgId).map((m) => ({ id: m.orgId, name: orgLabel(orgs, m.orgId) }))
      : [];

  const send = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const narrow = f.get('narrow') === 'on';
    const body = {
      text: String(f.get('text') ?? ''),
      ...(replyTo ? { replyTo: replyTo.id } : {}),
      mentions: { orgs: f.getAll('mention').map(String), people: [] },
      attachments: [],
      ...(narrow ? { marking: markingOf(f) } : {}),
    };
    setErr(undefined);
    try {
      if (source.as === 'agency')
        await ok(api().POST('/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages', { params: agencyPath(source), body }));
      else await ok(api().POST('/v1/portal/requests/{requestId}/messages', { params: { path: { requestId: source.requestId } }, body }));
      form.reset();
      setReplyTo(undefined);
      setSent((n) => n + 1);
      await reload();
    } catch (x) {
      setErr(x);
    }
  };
  const edit = async (m: Shown, text: string) => {
    setErr(undefined);
    const params = { header: { 'if-match': `"${m.version}"` } };
    try {
      if (source.as === 'agency')
        await ok(
          api().PATCH('/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}', {
            params: { path: { ...agencyPath(source).path, messageId: m.id }, ...params },
            body: { text },
          }),
        );
      else
        await ok(
          api().PATCH('/v1/portal/requests/{requestId}/messages/{messageId}', {
            params: { path: { requestId: source.requestId, messageId: m.id }, ...params },
            body: { text },
          }),
        );
      setEditing(undefined);
      await reload();
    } catch (x) {
      setErr(x);
    }
  };
  const redact = async (m: Shown) => {
    setErr(undefined);
    try {
      if (source.as === 'agency')
        await ok(
          api().POST('/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/redact', {
            params: { path: { ...agencyPath(source).path, messageId: m.id } },
          }),
        );
      else
        await ok(
          api().POST('/v1/portal/requests/{requestId}/messages/{messageId}/redact', {
            params: { path: { requestId: source.requestId, messageId: m.id } },
          }),
        );
      setConfirming(undefined);
      await reload();
    } catch (x) {
      setErr(x);
    }
  };

  const byId = new Map(shown.map((m) => [m.id, m]));
  return (
    <section class="thread" aria-labelledby="h-thread">
      <h2 id="h-thread">
        {t('thread.title')}
        {unread > 0 && <span class="badge"> {t('thread.mentions', { n: unread })}</span>}
      </h2>
      <Problem error={error} />
      {items && shown.length === 0 && <p class="meta">{t('thread.empty')}</p>}
      <ol class="messages" ref={list} aria-live="polite" aria-label={t('thread.messages')}>
        {shown.map((m) => (
          <li key={m.id} class={`message${m.mine ? ' mine' : ''}${m.mentionsMe && !m.mine ? ' mentions-me' : ''}`}>
            <div class="message-head">
              <strong>{m.author}</strong> <time dateTime={m.createdAt}>{fmtDateTime(m.createdAt)}</time>
              {m.editedAt && !m.redacted && <span class="meta"> · {t('thread.edited')}</span>}
              {m.mentionsMe && !m.mine && <span class="badge"> {t('thread.mentionsYou')}</span>}
            </div>
            <MarkingBanner marking={m.marking} compact />
            {m.replyTo && byId.get(m.replyTo) && <p class="meta reply-to">{t('thread.inReplyTo', { who: byId.get(m.replyTo)!.author })}</p>}
            {m.redacted ? (
              <p class="meta">
                <em>{t('thread.redacted')}</em>
              </p>
            ) : editing === m.id ? (
              <EditBox message={m} onSave={(text) => edit(m, text)} onCancel={() => setEditing(undefined)} />
            ) : (
              <p class="message-text">{m.text}</p>
            )}
            {!m.redacted && editing !== m.id && (
              <div class="actions">
                <button type="button" class="secondary small" onClick={() => setReplyTo(m)}>
                  {t('thread.reply')}
                </button>
                {m.mine && (
                  <button type="button" class="secondary small" onClick={() => setEditing(m.id)}>
                    {t('thread.edit')}
                  </button>
                )}
                {m.editedAt && source.as === 'agency' && (
                  <button
                    type="button"
                    class="secondary small"
                    aria-expanded={revisionsOf === m.id}
                    onClick={() => setRevisionsOf(revisionsOf === m.id ? undefined : m.id)}
                  >
                    {t('thread.revisions')}
                  </button>
                )}
                {m.mine &&
                  (confirming === m.id ? (
                    <>
                      <button type="button" class="danger small" onClick={() => redact(m)}>
                        {t('thread.redactConfirm')}
                      </button>
                      <button type="button" class="secondary small" onClick={() => setConfirming(undefined)}>
                        {t('thread.cancel')}
                      </button>
                    </>
                  ) : (
                    <button type="button" class="secondary small" onClick={() => setConfirming(m.id)}>
                      {t('thread.redact')}
                    </button>
                  ))}
              </div>
            )}
            {revisionsOf === m.id && source.as === 'agency' && <Revisions source={source} id={m.id} />}
          </li>
        ))}
      </ol>
      <form class="compose" onSubmit={send} key={sent}>
        {replyTo && (
          <p class="meta">
            {t('thread.replyingTo', { who: replyTo.author })}{' '}
            <button type="button" class="secondary small" onClick={() => setReplyTo(undefined)}>
              {t('thread.cancel')}
            </button>
          </p>
        )}
        <label>
          {t('thread.compose')}
          <textarea name="text" required maxLength={8000} rows={3} />
        </label>
        {mentionable.length > 0 && (
          <fieldset class="choices">
            <legend>{t('thread.mention')}</legend>
            {mentionable.map((o) => (
              <label class="inline" key={o.id}>
                <input type="checkbox" name="mention" value={o.id} />
                {o.name}
              </label>
            ))}
          </fieldset>
        )}
        {source.as === 'agency' && members && (
          <details>
            <summary>{t('thread.narrow')}</summary>
            <label class="inline">
              <input type="checkbox" name="narrow" />
              {t('thread.narrowApply')}
            </label>
            <MarkingEditor id={`thread-${source.id}`} ws={members} defaultTlp="AMBER" error={err} />
          </details>
        )}
        <Problem error={err} />
        <button type="submit">{t('thread.send')}</button>
      </form>
    </section>
  );
}

function EditBox({ message, onSave, onCancel }: { message: Shown; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(message.text);
  return (
    <div class="edit-box">
      <label>
        {t('thread.editLabel')}
        <textarea value={text} maxLength={8000} rows={3} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" onClick={() => onSave(text)}>
          {t('thread.save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('thread.cancel')}
        </button>
      </div>
    </div>
  );
}

function Revisions({ source, id }: { source: Extract<ThreadSource, { as: 'agency' }>; id: string }) {
  const [revs, setRevs] = useState<Schemas['MessageRevision'][] | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    ok(
      api().GET('/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/revisions', {
        params: { path: { ...agencyPath(source).path, messageId: id }, query: { limit: 25 } },
      }),
    )
      .then((p) => setRevs(p.items))
      .catch(setError);
  }, [id]);
  return (
    <div class="revisions">
      <h3>{t('thread.revisionsTitle')}</h3>
      <Problem error={error} />
      <ol>
        {(revs ?? []).map((r) => (
          <li key={r.n}>
            <time dateTime={r.at}>{fmtDateTime(r.at)}</time>: {r.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
