/**
 * State machines are transition tables, one beside each feature (tasks/machine.ts,
 * workspaces/machines.ts, requests/machine.ts). A transition that is not listed is refused
 * with a 409 naming the current and requested state; a state with no way out is terminal.
 */
export const canTransition = <S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean => table[from].includes(to);

export const isTerminal = <S extends string>(table: Record<S, readonly S[]>, s: S): boolean => table[s].length === 0;
