import { createHash } from 'node:crypto';
import {
  type AuditEntry,
  type Checkpoint,
  type CheckpointKey,
  checkpointSignatureValid,
  digestBody,
  hashEntry,
  verifyInclusion,
} from '@taskforce/core';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, PDFRawStream, type PDFString } from 'pdf-lib';

// A request package verified offline: the JSON file attached to its PDF holds the evidence
// digests, every audit entry about the request, each one's inclusion proof and the signed
// checkpoint they verify against. Anyone holding the published keys (GET /v1/audit/keys) and,
// optionally, the evidence files can check it without the platform.

export const PACKAGE_ATTACHMENT = 'package.json';

export interface PackageAttachment {
  format: 'taskforce.request-package/1';
  workspaceId: string;
  requestId: string;
  generatedAt: string;
  evidence: { id: string; fileName: string; size: number; sha256: string }[];
  checkpoint: Checkpoint | null;
  entries: { entry: AuditEntry; leafIndex: number; auditPath: string[] }[];
}

/** The files attached to a PDF, by name. */
export const attachmentsOf = async (pdf: Uint8Array): Promise<Map<string, Uint8Array>> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return out;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const name = (list.lookup(i) as PDFString | PDFHexString).decodeText();
    const spec = list.lookup(i + 1, PDFDict);
    const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
    if (stream instanceof PDFRawStream) out.set(name, decodePDFRawStream(stream).decode());
  }
  return out;
};

export interface PackageVerdict {
  ok: boolean;
  /** The checkpoint's signature: checked with the keys given, else not checked. */
  signature: 'valid' | 'invalid' | 'unchecked';
  entries: number;
  /** Entries whose hash, body digest or inclusion proof does not hold, by sequence number. */
  badEntries: number[];
  /** Evidence files checked against their recorded SHA-256 (only with an evidence folder). */
  evidence: { id: string; fileName: string; status: 'match' | 'mismatch' | 'missing' | 'unchecked' }[];
  problems: string[];
}

/**
 * Checks a package: the checkpoint's Ed25519 signature with one of `keys`, each entry's body
 * digest and hash, each inclusion proof against the checkpoint's root, and each evidence file
 * `evidenceFile(item)` returns (its bytes, or null if absent) against its recorded SHA-256.
 */
export const verifyPackage = async (
  pdf: Uint8Array,
  opts: { keys?: readonly CheckpointKey[]; evidenceFile?: (e: { id: string; fileName: string }) => Uint8Array | null } = {},
): Promise<PackageVerdict> => {
  const problems: string[] = [];
  const raw = (await attachmentsOf(pdf)).get(PACKAGE_ATTACHMENT);
  if (!raw)
    return { ok: false, signature: 'unchecked', entries: 0, badEntries: [], evidence: [], problems: [`no ${PACKAGE_ATTACHMENT} attached`] };
  const pkg = JSON.parse(Buffer.from(raw).toString('utf8')) as PackageAttachment;
  if (pkg.format !== 'taskforce.request-package/1') problems.push(`unknown format ${String(pkg.format)}`);
  const cp = pkg.checkpoint;
  let signature: PackageVerdict['signature'] = 'unchecked';
  if (cp && opts.keys) signature = checkpointSignatureValid(cp, opts.keys) ? 'valid' : 'invalid';
  if (signature === 'invalid') problems.push('the checkpoint is not signed by any of the keys given');
  if (!cp && pkg.entries.length > 0) problems.push('entries without a checkpoint');
  const badEntries: number[] = [];
  for (const { entry, leafIndex, auditPath } of pkg.entries) {
    const holds =
      !!cp &&
      digestBody(entry) === entry.bodyDigest &&
      hashEntry(entry) === entry.hash &&
      leafIndex === entry.seq - 1 &&
      verifyInclusion(entry.hash, leafIndex, cp.treeSize, auditPath, cp.rootHash);
    if (!holds) badEntries.push(entry.seq);
  }
  if (badEntries.length) problems.push(`entries that do not verify: ${badEntries.join(', ')}`);
  const evidence = pkg.evidence.map((e) => {
    if (!opts.evidenceFile) return { id: e.id, fileName: e.fileName, status: 'unchecked' as const };
    const bytes = opts.evidenceFile(e);
    if (!bytes) return { id: e.id, fileName: e.fileName, status: 'missing' as const };
    const sha = createHash('sha256').update(bytes).digest('hex');
    return { id: e.id, fileName: e.fileName, status: sha === e.sha256 ? ('match' as const) : ('mismatch' as const) };
  });
  for (const e of evidence) if (e.status === 'mismatch' || e.status === 'missing') problems.push(`evidence ${e.fileName}: ${e.status}`);
  return { ok: problems.length === 0, signature, entries: pkg.entries.length, badEntries, evidence, problems };
};
