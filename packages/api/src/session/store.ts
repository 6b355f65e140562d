/** A browser session held by the backend-for-frontend: the tokens stay here, the browser holds only the cookie naming it. */
export interface BrowserSession {
  sub: string;
  accessToken: string;
  /** Wall-clock epoch milliseconds when the access token lapses. */
  accessExpiresAt: number;
  refreshToken?: string;
  idToken?: string;
  /** ISO times on the platform's clock. */
  createdAt: string;
  lastActiveAt: string;
  /** Minutes without activity after which the session ends. */
  idleMinutes: number;
  /** The session ends at this time whatever the activity (ISO). */
  endsAt: string;
}

/** A sign-in under way: what the callback needs to finish it (bound to the browser by a cookie). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** The browser tab the session is for (see `TAB_HEADER`). */
  tab?: string;
}

/** Where sessions and sign-ins under way are kept (the platform's table); ids are stored hashed. */
export interface SessionStore {
  putLogin(id: string, login: PendingLogin, ttlSeconds: number): Promise<void>;
  /** Reads and deletes a sign-in under way: a state is good for one callback. */
  takeLogin(id: string): Promise<PendingLogin | undefined>;
  put(id: string, session: BrowserSession): Promise<void>;
  get(id: string): Promise<BrowserSession | undefined>;
  delete(id: string): Promise<void>;
  /** Ends every session of one user (sign-out everywhere); returns how many there were. */
  deleteAllOf(sub: string): Promise<number>;
}
