import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { enumLabel, fmtDateTime, type Key, t } from '../../i18n';
import { href } from '../../router';
import { MarkingBanner } from '../../ui';

export type Note = Schemas['Notification'];
type Marking = Schemas['Task']['marking'];

/** Where a notification belongs on Today: escalations and incidents first, then overdue tasks, then what waits for me, then the rest. */
export type Group = 'urgent' | 'overdue' | 'waiting' | 'rest';
export const GROUPS: Group[] = ['urgent', 'overdue', 'waiting', 'rest'];

const WAITING = new Set([
  'invitation.sent',
  'transfer.requested',
  'request.clarification_requested',
  'request.responded',
  'request.targets_answered',
  'request.reminder',
  'task.assigned',
  'task.reminder',
  'selector.matched',
]);

export const groupOf = (n: Note): Group =>
  n.type.startsWith('incident.') ? 'urgent' : n.type === 'task.overdue' ? 'overdue' : WAITING.has(n.type) ? 'waiting' : 'rest';

const SEVERITY: Record<string, number> = { critical: 0, high: 1, medium: 2 };
const severityOf = (n: Note): number => SEVERITY[String(n.data.severity ?? n.data.priority ?? '')] ?? 3;

/** Most severe first, then newest first. */
export const bySeverityThenNewest = (a: Note, b: Note): number => severityOf(a) - severityOf(b) || b.at.localeCompare(a.at);

const str = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');

/** The record's title as the event carried it (tasks, invitations: title; incidents: summary), else a word for the kind of record. */
const titleOf = (n: Note): string => {
  const title = str(n.data.title) || str(n.data.summary) || str(n.data.description);
  if (title) return title;
  const kind = `notif.record.${n.subject.type}` as Key;
  const word = t(kind);
  return word === kind ? t('notif.record.other') : word;
};

/** One sentence per kind of event, in the reader's language; unknown kinds get a plain "something changed". */
const sentenceOf = (n: Note, orgName: (id: string) => string): string => {
  const d = n.data;
  const key = `notif.kind.${n.type}` as Key;
  const sev = str(d.severity);
  const status = str(d.to) || str(d.status);
  const vars = {
    title: titleOf(n),
    actor: 'actorOrgId' in n ? orgName(n.actorOrgId) : orgName(n.requestingAgency.orgId),
    country: str(d.country),
    level: str(d.level),
    to: Array.isArray(d.to) ? d.to.map((x) => orgName(String(x))).join(', ') : '',
    by: d.by ? orgName(String(d.by)) : '',
    severity: sev ? enumLabel('severity', sev) : '',
    status: status ? enumLabel('status', status) : '',
  };
  const sentence = t(key, vars);
  return sentence === key ? t('notif.kind.other', vars) : sentence;
};

const linkOf = (n: Note): string => {
  // A partner's notifications name no workspace: its requests live in its inbox.
  const ws = 'workspaceId' in n ? n.workspaceId : undefined;
  if (n.subject.type === 'request') return ws ? href('w', ws, 'requests', n.subject.id) : href('inbox', n.subject.id);
  if (n.subject.type === 'incident' && ws) return href('w', ws, 'incidents', n.subject.id);
  if (n.subject.type === 'task' && ws) return href('w', ws, 'tasks', n.subject.id);
  return ws ? href('w', ws) : href();
};

/** One notification: the sentence, the record's title as a link, when, and a "mark read". */
export function NoteRow({
  n,
  orgName,
  onRead,
  past,
}: {
  n: Note;
  orgName: (id: string) => string;
  onRead: () => void;
  /** The record's state now, when the notification is about a state that has passed. */
  past?: string | undefined;
}) {
  const [busy, setBusy] = useState(false);
  const sev = str(n.data.severity);
  return (
    <li class={`row note${sev ? ` note-${sev}` : ''}`} data-kind={n.type}>
      {n.tlp && <MarkingBanner marking={{ tlp: n.tlp as Marking['tlp'], caveats: (n.caveats ?? []) as Marking['caveats'] }} compact />}
      <div class="row-main">
        <span class="sentence">
          {past && <span class="badge">{t('today.earlier')}</span>} {sentenceOf(n, orgName)}
        </span>
        {past && <span class="now">{past}</span>}
        <span class="meta">
          <a href={linkOf(n)}>{titleOf(n)}</a> · <time dateTime={n.at}>{fmtDateTime(n.at)}</time>
        </span>
      </div>
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={t('notif.markReadOf', { title: titleOf(n) })}
        onClick={async () => {
          setBusy(true);
          try {
            await ok(api().POST('/v1/notifications/{notificationId}/acknowledge', { params: { path: { notificationId: n.id } } }));
            onRead();
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('notif.markRead')}
      </button>
    </li>
  );
}
