import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The published permission table (docs/security.md, "Who may do what"), read on its own terms: no code of
 * the platform is imported. A row allows an action to an organisation kind holding any one of
 * its platform roles and, for an action inside a workspace, one of its workspace roles.
 */
/** `platform`: the roles are held only by the platform organisation's callers (`admin (platform organisation)`). */
export type Row = { action: string; kinds: string[]; roles: string[]; workspace: string[] | null; platform: boolean };
export type Standing = 'lead' | 'member' | 'observer' | undefined;
export type Verdict = 'allow' | 403 | 404;

export const publishedTable = (): Row[] => {
  const page = readFileSync(join(import.meta.dirname, '../../docs/security.md'), 'utf8');
  const block = page.split('<!-- permissions:start -->')[1]?.split('<!-- permissions:end -->')[0];
  if (!block) throw new Error('docs/security.md has no permission table');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const list = (cell: string) => (cell === '(none needed)' || cell === '—' ? [] : cell.split(',').map((s) => s.trim()));
  return block
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((line) => {
      const [action, , kinds, roles, workspace] = cells(line);
      const PLATFORM_ONLY = ' (platform organisation)';
      return {
        action: action!.replaceAll('`', ''),
        kinds: list(kinds!),
        roles: list(roles!.replace(PLATFORM_ONLY, '')),
        workspace: workspace === '—' ? null : list(workspace!),
        platform: roles!.endsWith(PLATFORM_ONLY),
      };
    });
};

const ROWS = publishedTable();

/**
 * What the table says for a caller: a kind the action never serves finds nothing (404); the right
 * kind without a role is refused (403), and so is a caller outside the platform organisation on a
 * row whose roles only that organisation holds; inside a workspace, a non-member finds nothing
 * (404) and a member without the workspace role is refused (403).
 */
export const tableSays = (action: string, kind: string, roles: string[], standing: Standing, platform = false): Verdict => {
  const rows = ROWS.filter((r) => r.action === action);
  if (rows.length === 0) throw new Error(`the published table has no action ${action}`);
  if (!rows.some((r) => r.kinds.includes(kind))) return 404;
  const withRole = rows.filter(
    (r) => r.kinds.includes(kind) && (!r.platform || platform) && (r.roles.length === 0 || r.roles.some((x) => roles.includes(x))),
  );
  if (withRole.length === 0) return 403;
  if (!rows.some((r) => r.workspace !== null)) return 'allow';
  if (standing === undefined) return 404;
  return withRole.some((r) => r.workspace!.includes(standing)) ? 'allow' : 403;
};
