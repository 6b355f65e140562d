import createClient, { type Middleware } from 'openapi-fetch';
import { signal } from '../signal';
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];
export type Principal = Schemas['Principal'];

export interface Session {
  token: string;
  me: Principal;
  label: string;
}

/** The signed-in session. Held in memory only: never localStorage, sessionStorage or a cookie. */
export const session = signal<Session | undefined>(undefined);

const auth: Middleware = {
  onRequest({ request }) {
    const s = session.value;
    if (s) request.headers.set('Authorization', `Bearer ${s.token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.value = undefined;
    return response;
  },
};

let apiBase = '';
export const setApiBase = (base: string) => {
  apiBase = base.replace(/\/$/, '');
  client = make();
};
const make = () => {
  const c = createClient<paths>({ baseUrl: apiBase || location.origin });
  c.use(auth);
  return c;
};
let client = make();
export const api = () => client;
export const apiUrl = (path: string) => (apiBase || location.origin) + path;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Schemas['Problem'] | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }

  /** The last segment of the problem's stable `type` (e.g. `validation`, `stale-version`): what the console translates. */
  get slug(): string | undefined {
    return this.problem?.type?.split('/').filter(Boolean).pop();
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem+json. */
export async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (error !== undefined || !response.ok) throw new ApiError(response.status, error as Schemas['Problem'] | undefined);
  return data as T;
}

/** Every page of a list, following its opaque `next` cursor. */
export async function all<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; next?: string }>, max = 20): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    if (!page.next) break;
    cursor = page.next;
  }
  return out;
}

/** SHA-256 of bytes, hex, by WebCrypto. */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
