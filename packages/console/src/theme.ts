import { signal } from './signal';

/** The colour scheme a person chose, remembered on this device; without a choice the system's preference rules. */
export type Theme = 'light' | 'dark';

const KEY = 'taskforce.theme';

const stored = (): Theme | undefined => {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'dark' || v === 'light' ? v : undefined;
  } catch {
    return undefined;
  }
};

const systemDark = (): boolean => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** The scheme shown now: the remembered choice, else the system's. */
export const theme = signal<Theme>(stored() ?? (systemDark() ? 'dark' : 'light'));

const apply = (t: Theme) => {
  document.documentElement.dataset.theme = t;
};
apply(theme.value);

// A system change moves the page only while the person has not chosen.
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', (e) => {
  if (!stored()) {
    theme.value = e.matches ? 'dark' : 'light';
    apply(theme.value);
  }
});

/** Switches the scheme and remembers the choice on this device (localStorage; nothing about the session). */
export function setTheme(t: Theme): void {
  theme.value = t;
  apply(t);
  try {
    localStorage.setItem(KEY, t);
  } catch {
    // Storage may be off (private mode): the choice then lasts for this page only.
  }
}
