import type { TargetedSubmitEvent } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { signal, useSignal } from './signal';

const asked = Number(new URLSearchParams(location.search).get('poll'));
/** How often open pages refresh themselves (ms); `?poll=` overrides it. */
const POLL_MS = Number.isFinite(asked) && asked >= 250 ? asked : 5000;

/** Bumped by the `r` shortcut: every polled view reloads at once. */
export const refreshTick = signal(0);

/** Ticks every second, for countdowns. */
export const now = signal(Date.now());
setInterval(() => {
  now.value = Date.now();
}, 1000);

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  at: number | undefined;
  reload: () => Promise<void>;
}

/** Loads, then keeps loading every POLL_MS while the tab is visible: a page left open stays current. */
export function usePoll<T>(load: () => Promise<T>, deps: unknown[], poll = true): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; at?: number }>({});
  const [loading, setLoading] = useState(true);
  const tick = useSignal(refreshTick);
  const gen = useRef(0);
  /** Loads under way. */
  const busy = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++gen.current;
    busy.current++;
    try {
      const data = await load();
      if (mine === gen.current) setState({ data, at: Date.now() });
    } catch (error) {
      if (mine === gen.current) setState((s) => ({ ...s, error }));
    } finally {
      busy.current--;
      if (mine === gen.current) setLoading(false);
    }
  }, deps);
  useEffect(() => {
    setLoading(true);
    setState({});
    void reload();
    if (!poll) return;
    const id = setInterval(() => {
      // A load still under way is waited for, not superseded: on a slow link or a busy server, loads
      // that each took longer than POLL_MS would otherwise all be discarded and the view never fill.
      if (!document.hidden && busy.current === 0) void reload();
    }, POLL_MS);
    return () => clearInterval(id);
  }, [reload]);
  useEffect(() => {
    if (tick > 0) void reload();
  }, [tick]);
  return { data: state.data, error: state.error, at: state.at, loading, reload };
}

/**
 * A form that creates a record: on submit it clears the last problem and sends what `send` builds
 * from its fields; once the API took it, the form empties, `sent` moves on (children keyed on it
 * start afresh) and `onDone` runs. A refusal stays on the form as `err`.
 */
export function useCreateForm(send: (f: FormData) => Promise<unknown>, onDone: () => void) {
  const [err, setErr] = useState<unknown>();
  const [sent, setSent] = useState(0);
  const onSubmit = async (e: TargetedSubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setErr(undefined);
    try {
      await send(new FormData(form));
      form.reset();
      setSent((n) => n + 1);
      onDone();
    } catch (x) {
      setErr(x);
    }
  };
  return { err, sent, onSubmit };
}
