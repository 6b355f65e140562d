import { signal } from './signal';

/** Hash routes, so every record has a deep link that works from any static host without rewrites. */
export const route = signal<string[]>(parse());

/**
 * What follows `?` in the hash: the filter of the list on screen (`#/w/ws1/tasks?q=kyc&status=open`),
 * so a shared link or a saved view reopens the same filter.
 */
export const hashQuery = signal<string>(queryPart());

function parse(): string[] {
  return location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
}

function queryPart(): string {
  return location.hash.split('?')[1] ?? '';
}

window.addEventListener('hashchange', () => {
  route.value = parse();
  hashQuery.value = queryPart();
});

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;
export const go = (...parts: string[]) => {
  location.hash = href(...parts);
};

/**
 * Replaces the hash's query with `params` (empty values left out), without a history entry per
 * keystroke and without leaving the screen.
 */
export function setHashQuery(params: Record<string, string>): void {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  const path = location.hash.split('?')[0] || '#/';
  history.replaceState(history.state, '', `${location.pathname}${location.search}${path}${q ? `?${q}` : ''}`);
  hashQuery.value = q;
}
