import type { Actor } from './audit';
import type { Principal } from './principal';

/** The chain of platform-wide records (organisations, policies, contacts, channels). */
export const PLATFORM_CHAIN = 'platform';

/** Who asks a command, and the Idempotency-Key it came with. */
export interface CommandContext {
  principal: Principal;
  idempotency?: { scope: string; fingerprint: string };
}

/** The spec fields that make a command answer a repeat of its Idempotency-Key with the stored result. */
const idempotencyOf = (ctx: CommandContext) => (ctx.idempotency ? { idempotency: ctx.idempotency } : {});

export const actorOf = (p: Principal): Actor => ({ sub: p.sub, orgId: p.orgId, country: p.country });

/** The part of a command's spec that says who runs it, on which chain, with which Idempotency-Key. */
export const commandOf = (ctx: CommandContext, chainId: string) => ({ chainId, actor: actorOf(ctx.principal), ...idempotencyOf(ctx) });
