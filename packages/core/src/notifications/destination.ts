import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may point. The platform POSTs to URLs its users choose, so a URL must not turn
 * it into a client of addresses that are not on the public internet: loopback, private and
 * carrier-grade NAT ranges, link-local (cloud metadata lives at 169.254.169.254), multicast,
 * documentation and reserved ranges, and their IPv6 counterparts. The rule is checked when a
 * webhook is set (on the URL) and again on every delivery (on each address the name resolves to),
 * because a public name can be pointed at a private address after it was accepted.
 *
 * The local runtime allows private destinations and plain http, because a developer's receiver
 * listens on 127.0.0.1.
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
// IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged by the IPv4 address inside: a BlockList rule for
// ::ffff:0:0/96 would match every IPv4 address.

/** True for an address on the public internet; false for anything else, including what is not an address. */
export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  return !NON_PUBLIC.check(address, 'ipv6');
};

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

export interface DestinationRule {
  /** Accept http and non-public hosts (the local runtime). */
  allowPrivate?: boolean;
}

/**
 * The rule named by a deployment's `WEBHOOK_DESTINATIONS`: `public` (the default, and the only
 * value the AWS stack uses) or `any`, for functions run against local engines and receivers.
 */
export const destinationRule = (name: string | undefined): DestinationRule => {
  if (name === undefined || name === '' || name === 'public') return {};
  if (name === 'any') return { allowPrivate: true };
  throw new Error(`WEBHOOK_DESTINATIONS must be "public" or "any", not ${JSON.stringify(name)}`);
};

/** Why a webhook URL is refused, or undefined if it is acceptable. */
export const webhookUrlProblem = (raw: string, rule: DestinationRule = {}): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(rule.allowPrivate && url.protocol === 'http:')) return 'must be an https URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (rule.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPublicAddress(host) ? undefined : 'must not point at a private, loopback or reserved address';
  if (LOCAL_NAMES.test(host) || !host.includes('.')) return 'must name a host on the public internet';
  return undefined;
};
