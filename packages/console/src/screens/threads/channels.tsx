import { useState } from 'preact/hooks';
import { all, api, ok, type Schemas } from '../../api/client';
import { useCreateForm, usePoll } from '../../hooks';
import { t } from '../../i18n';
import { MarkingBanner, Problem } from '../../ui';
import { ThreadPanel } from './thread';

/** A workspace's channels: `general` and those the lead opened, each a conversation of its own. */
export function Channels({ ws, isLead }: { ws: Schemas['Workspace']; isLead: boolean }) {
  const r = usePoll(
    () =>
      all((cursor) =>
        ok(api().GET('/v1/workspaces/{workspaceId}/channels', { params: { path: { workspaceId: ws.id }, query: { cursor } } })),
      ),
    [ws.id],
  );
  const [open, setOpen] = useState('general');
  const { err, sent, onSubmit } = useCreateForm(
    (f) =>
      ok(
        api().POST('/v1/workspaces/{workspaceId}/channels', {
          params: { path: { workspaceId: ws.id } },
          body: { name: String(f.get('name')) },
        }),
      ),
    () => void r.reload(),
  );
  const channels = r.data ?? [];
  return (
    <div class="channels">
      <nav aria-label={t('thread.channels')}>
        <h2>{t('thread.channels')}</h2>
        <Problem error={r.error} />
        <ul class="list">
          {channels.map((c) => (
            <li key={c.id}>
              <button type="button" class="link" aria-current={c.id === open ? 'true' : undefined} onClick={() => setOpen(c.id)}>
                # {c.name}
              </button>{' '}
              <MarkingBanner marking={c.marking} compact />
            </li>
          ))}
        </ul>
        {isLead && (
          <form onSubmit={onSubmit} key={sent} class="inline-form">
            <label>
              {t('thread.channelName')}
              <input name="name" required maxLength={80} />
            </label>
            <button type="submit" class="small">
              {t('thread.openChannel')}
            </button>
            <Problem error={err} />
          </form>
        )}
      </nav>
      <ThreadPanel key={open} source={{ as: 'agency', ws: ws.id, kind: 'channel', id: open }} ws={ws} />
    </div>
  );
}
