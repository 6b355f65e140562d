import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading, Problem } from './ui';

/**
 * A screen whose code is fetched the first time it is shown: the first load carries the shell and
 * Today, and every other screen is a chunk of its own (the budget in scripts/size.ts holds the
 * first load, whatever screens are added). While the chunk comes, the screen says it is loading;
 * if it cannot come (offline), it says why, and the next visit tries again.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (x: unknown) => {
        pending = undefined;
        throw x;
      },
    );
    return pending;
  };
  return function Lazy(props: P) {
    // A counter, not the component: useState would call a function it is given.
    const [, setLoads] = useState(0);
    const [error, setError] = useState<unknown>();
    useEffect(() => {
      if (loaded) return;
      let live = true;
      fetchOnce().then(
        () => live && setLoads((n) => n + 1),
        (x: unknown) => live && setError(x),
      );
      return () => {
        live = false;
      };
    }, []);
    const Screen = loaded;
    if (Screen) return <Screen {...props} />;
    return error ? <Problem error={error} /> : <Loading />;
  };
}
