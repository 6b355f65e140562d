import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import * as z from 'zod/mini';
import { canonicalJson } from './hash';
import { type CompactRange, isCompactRange, rootOf } from './merkle';

const Hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'));

/**
 * A signed tree head: the chain's sequencer signs, after each round, how many entries the chain
 * holds, the Merkle root over them and the hash of the last one. Anyone holding the published
 * public key can check it offline; anyone who kept one can later prove the chain still extends it.
 */
export const Checkpoint = z.strictObject({
  v: z.literal(1),
  chainId: z.string(),
  treeSize: z.int().check(z.nonnegative()),
  rootHash: Hex64,
  lastHash: Hex64,
  at: z.string(),
  keyId: z.string(),
  /** Ed25519 over the canonical JSON of every other field, base64url. */
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;
export type UnsignedCheckpoint = Omit<Checkpoint, 'keyId' | 'signature'>;

/** A checkpoint as stored: with the compact range it was taken at, so a later verification can start from it. */
export interface StoredCheckpoint {
  checkpoint: Checkpoint;
  frontier: string[];
}

/** A public key checkpoints verify with, as a JWK (RFC 8037 OKP, Ed25519). */
export interface CheckpointKey {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** The port that signs checkpoints: the current key, and the public keys of every key still accepted. */
export interface CheckpointSigner {
  readonly keyId: string;
  sign(payload: Buffer): Buffer;
  publicKeys(): CheckpointKey[];
}

const payloadOf = (c: UnsignedCheckpoint): Buffer =>
  Buffer.from(
    canonicalJson({ v: c.v, chainId: c.chainId, treeSize: c.treeSize, rootHash: c.rootHash, lastHash: c.lastHash, at: c.at }),
    'utf8',
  );

export const signCheckpoint = (signer: CheckpointSigner, c: UnsignedCheckpoint): Checkpoint => ({
  ...c,
  keyId: signer.keyId,
  signature: signer.sign(payloadOf(c)).toString('base64url'),
});

/** Whether a checkpoint is well formed and signed by one of `keys`. */
export const checkpointSignatureValid = (raw: unknown, keys: readonly CheckpointKey[]): raw is Checkpoint => {
  const parsed = Checkpoint.safeParse(raw);
  if (!parsed.success) return false;
  const c = parsed.data;
  const jwk = keys.find((k) => k.kid === c.keyId);
  if (!jwk) return false;
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    return verify(null, payloadOf(c), key, Buffer.from(c.signature, 'base64url'));
  } catch {
    return false;
  }
};

/** Whether a stored checkpoint's compact range is the tree its signed root names. */
export const frontierMatches = (s: StoredCheckpoint): boolean => {
  const range: CompactRange = { size: s.checkpoint.treeSize, frontier: s.frontier };
  return isCompactRange(range) && rootOf(range) === s.checkpoint.rootHash;
};

/** The public JWK of a private key; its id is the first 16 hex digits of the SHA-256 of the raw public key. */
const jwkOf = (privateKey: KeyObject): CheckpointKey => {
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  const kid = createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16);
  return { kid, kty: 'OKP', crv: 'Ed25519', x, alg: 'EdDSA', use: 'sig' };
};

const signerOf = (privateKey: KeyObject, previous: KeyObject[] = []): CheckpointSigner => {
  const keys = [privateKey, ...previous].map(jwkOf);
  return {
    keyId: keys[0]!.kid,
    sign: (payload) => sign(null, payload, privateKey),
    publicKeys: () => keys,
  };
};

/** The PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 key whose 32-byte seed is the SHA-256 of a secret (e.g. a Secrets Manager generated string). */
const ed25519KeyFromSecret = (secret: string): KeyObject => {
  if (secret.length < 32) throw new Error('the audit signing secret must be at least 32 characters');
  const seed = createHash('sha256').update(secret, 'utf8').digest();
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
};

/**
 * A signer from secrets: `current` signs, `previous` (retired keys) still verify. The same
 * secrets give the same keys on every instance, so every function signs with the key published.
 */
export const checkpointSignerFromSecrets = (current: string, previous: readonly string[] = []): CheckpointSigner =>
  signerOf(ed25519KeyFromSecret(current), previous.map(ed25519KeyFromSecret));

/** Parses `{"current": "…", "previous": ["…"]}` (the shape the stack's secret and the local key file hold). */
export const parseCheckpointSecrets = (json: string): CheckpointSigner => {
  const { current, previous = [] } = JSON.parse(json) as { current?: unknown; previous?: unknown };
  if (typeof current !== 'string' || !Array.isArray(previous) || !previous.every((p) => typeof p === 'string')) {
    throw new Error('expected {"current": "<secret>", "previous": ["<secret>", …]}');
  }
  return checkpointSignerFromSecrets(current, previous);
};

let ephemeral: CheckpointSigner | undefined;
/**
 * A key made up for this process: for the in-memory store and tests. Checkpoints it signs
 * verify only in this process; every deployed entry point wires a kept key instead.
 */
export const ephemeralCheckpointSigner = (): CheckpointSigner => {
  ephemeral ??= signerOf(generateKeyPairSync('ed25519').privateKey);
  return ephemeral;
};
