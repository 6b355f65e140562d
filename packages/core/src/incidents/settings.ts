import { type CommandContext, commandOf } from '../kernel/context';
import { DomainError, staleVersion } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { LoadedView, runCommand } from '../kernel/runner';
import { requireOpen } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { DEFAULT_ACK_DEADLINES, DEFAULT_LADDER_REPEATS, type IncidentSettings, type IncidentSettingsInput } from './model';
import type { IncidentDeps } from './ports';

// ── Workspace ladder settings ──────────────────────────────────────────────────────────

const effectiveSettings = (workspaceId: string, s: IncidentSettings | undefined): IncidentSettings =>
  s ?? {
    workspaceId,
    ackDeadlines: { ...DEFAULT_ACK_DEADLINES },
    repeats: DEFAULT_LADDER_REPEATS,
    updatedAt: '1970-01-01T00:00:00.000Z',
    version: 0,
  };

export async function getIncidentSettings(deps: IncidentDeps, p: Principal, workspaceId: string): Promise<IncidentSettings> {
  authorize('incident.settings.read', p);
  const view = new LoadedView(
    await deps.store.load({
      refs: [
        { kind: 'workspace', id: workspaceId },
        { kind: 'incidentSettings', workspaceId },
      ],
    }),
  );
  authorizeInView('incident.settings.read', p, view, workspaceId);
  return effectiveSettings(workspaceId, view.get({ kind: 'incidentSettings', workspaceId }));
}

/** The lead sets the workspace's acknowledgement deadlines per severity and how often the ladder repeats. */
export async function setIncidentSettings(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  input: IncidentSettingsInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'incidentSettings', workspaceId },
    ],
    authorize: (view) => authorizeInView('incident.settings.set', p, view, workspaceId),
    decide(view, now, { ws }) {
      requireOpen(ws, 'set the escalation ladder');
      const current = view.get({ kind: 'incidentSettings', workspaceId });
      if (current && expectVersion === undefined)
        throw new DomainError('precondition_required', 'send If-Match with the ETag of the settings you read');
      if ((current?.version ?? 0) !== (expectVersion ?? 0)) throw staleVersion();
      const settings: IncidentSettings = {
        workspaceId,
        ackDeadlines: { ...DEFAULT_ACK_DEADLINES, ...input.ackDeadlines },
        repeats: input.repeats,
        updatedAt: now.toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'incidentSettings', value: settings }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'incident.settings_set',
          target: { type: 'workspace', id: workspaceId },
          details: { ackDeadlines: settings.ackDeadlines, repeats: settings.repeats },
          markings: [],
        },
        result: settings,
      };
    },
  });
}
