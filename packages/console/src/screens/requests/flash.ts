import { signal } from '../../signal';

/** What a form that moved on to another screen announces there (read once, then cleared). */
export const flash = signal<string>('');
