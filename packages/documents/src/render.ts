import type { DocumentContent, DocumentLang, RequestPackage, WorkspaceReport } from '@taskforce/core/reports';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { FontSet } from './fonts';
import { bilingual, english, type LabelKey, local } from './labels';
import { Writer } from './layout';
import { PACKAGE_ATTACHMENT, type PackageAttachment } from './verify';

// A document's content (built in core, as its requester may see it) set as a bilingual PDF:
// English, and the reader's language beside it for vi and th.

const fmtSelectors = (r: RequestPackage['request']) =>
  r.selectors
    .map((s) =>
      Object.entries(s)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', '),
    )
    .join('\n');

/** The size digests are set at. */
const DIGEST = 8;
const json = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

const requestPackage = async (w: Writer, c: RequestPackage, lang: DocumentLang) => {
  const L = (k: LabelKey) => bilingual(lang, k);
  const r = c.request;
  await w.title(L('package.title'));
  await w.field(L('doc.workspace'), `${c.workspace.title} (${c.workspace.id})`);
  await w.field(L('doc.generated'), c.generatedAt);
  await w.field(L('doc.for'), `${c.generatedFor.orgId} (${c.generatedFor.country})`);

  await w.heading(L('sec.request'));
  await w.field(L('f.id'), r.id);
  await w.field(L('f.type'), r.type);
  await w.field(L('f.partner'), `${c.partner.name}${c.partner.country ? ` (${c.partner.country})` : ''}`);
  await w.field(L('f.status'), r.status);
  await w.field(L('f.urgency'), r.urgency);
  await w.field(L('f.description'), r.description);
  await w.field(L('f.selectors'), fmtSelectors(r));
  if (r.period) await w.field(L('f.period'), `${r.period.from} – ${r.period.to}`);
  await w.field(
    L('doc.legalBasis'),
    `${r.legalBasis.code}: ${r.legalBasis.text}${r.legalBasis.reference ? ` (${r.legalBasis.reference})` : ''}`,
  );

  await w.heading(L('sec.clock'));
  if (r.sentAt) await w.field(L('f.sent'), r.sentAt);
  if (r.clock) {
    await w.field(L('f.deadline'), `${r.clock.dueAt} (${r.clock.rule})`);
    await w.field(L('f.extensions'), String(r.clock.extensionsUsed));
    await w.field(L('f.reminders'), r.clock.reminders.join(', '));
    if (r.clock.objectionWindowEndsAt) await w.field(L('f.objection'), r.clock.objectionWindowEndsAt);
    if (r.clock.pausedAt) await w.field(L('f.paused'), r.clock.pausedAt);
  }
  for (const h of c.history) await w.field(`${h.at}`, `${h.action} · ${h.by}${h.details ? ` · ${json(h.details)}` : ''}`);

  await w.heading(L('sec.clarifications'));
  if (r.clarifications.length === 0 && c.messages.length === 0) await w.text(L('doc.none'));
  for (const q of r.clarifications) {
    await w.field(`${L('f.question')} ${q.askedAt}`, q.question);
    if (q.answer) await w.field(`${L('f.answer')} ${q.answeredAt ?? ''}`, q.answer);
  }
  for (const m of c.messages) await w.field(`${L('f.message')} ${m.at} · ${m.by} · TLP:${m.tlp}`, m.text);

  await w.heading(L('sec.answers'));
  if (!r.targets?.length) await w.text(L('doc.none'));
  for (const [i, t] of (r.targets ?? []).entries()) await w.field(`${L('f.target')} ${i + 1}`, json(t));
  if (r.outcome) await w.field(L('f.status'), json(r.outcome));

  await w.heading(L('sec.evidence'));
  if (c.evidence.length === 0) await w.text(L('doc.none'));
  for (const e of c.evidence) {
    await w.field(L('f.file'), `${e.fileName} (${e.mediaType}) · ${e.id}`);
    await w.field(L('f.size'), String(e.size));
    await w.field(L('f.sha256'), e.sha256, DIGEST);
    w.space(4);
  }

  await w.heading(L('sec.custody'));
  if (c.custody.length === 0) await w.text(L('doc.none'));
  for (const e of c.custody) await w.field(e.at, `${e.action} · ${e.by} · ${e.evidenceId}${e.sha256 ? `\n${e.sha256}` : ''}`, DIGEST);

  await w.heading(L('sec.proofs'));
  await w.text(english('f.verify'), { size: 8 });
  if (lang !== 'en') await w.text(local(lang, 'f.verify'), { size: 8, gap: 4 });
  if (!c.proofs) await w.text(L('doc.none'));
  else {
    const cp = c.proofs.checkpoint;
    await w.field(L('f.checkpoint'), `${cp.chainId} · ${cp.at}`);
    await w.field(L('f.treeSize'), String(cp.treeSize));
    await w.field(L('f.root'), cp.rootHash, DIGEST);
    await w.field(L('f.key'), cp.keyId);
    await w.field(L('f.signature'), cp.signature, DIGEST);
    for (const p of c.proofs.entries) {
      w.space(4);
      await w.field(`${L('f.entry')} #${p.entry.seq}`, `${p.entry.at} · ${p.entry.action}\n${p.entry.hash}`, DIGEST);
      await w.field(L('f.path'), p.auditPath.join('\n') || '—', DIGEST);
    }
  }
};

const workspaceReport = async (w: Writer, c: WorkspaceReport, lang: DocumentLang) => {
  const L = (k: LabelKey) => bilingual(lang, k);
  await w.title(L('report.title'));
  await w.field(L('doc.workspace'), `${c.workspace.title} (${c.workspace.id})`);
  await w.field(L('f.status'), c.workspace.status);
  await w.field(L('doc.legalBasis'), `${c.workspace.legalBasis.code}: ${c.workspace.legalBasis.text}`);
  await w.field(L('doc.generated'), c.generatedAt);
  await w.field(L('doc.for'), `${c.generatedFor.orgId} (${c.generatedFor.country})`);

  await w.heading(L('sec.members'));
  for (const m of c.members) await w.field(m.orgName, `${m.orgId} · ${m.country} · ${m.role} · ${m.joinedAt}`);

  await w.heading(L('sec.tasks'));
  if (c.tasks.length === 0) await w.text(L('doc.none'));
  for (const t of c.tasks) {
    await w.text(`${t.overdue ? `[${L('f.overdue')}] ` : ''}${t.title}`, {
      bold: true,
      ...(t.overdue ? { color: [0.75, 0, 0] as [number, number, number] } : {}),
    });
    await w.field(L('f.assignee'), t.assigneeOrgId);
    await w.field(L('f.due'), t.dueAt);
    await w.field(L('f.status'), `${t.status} · ${t.priority} · TLP:${t.tlp}`);
  }

  await w.heading(L('sec.incidents'));
  if (c.incidents.length === 0) await w.text(L('doc.none'));
  for (const i of c.incidents) {
    await w.text(i.summary, { bold: true });
    await w.field(L('f.severity'), `${i.severity} · ${i.type} · ${i.status} · TLP:${i.tlp}`);
    await w.field(L('f.raised'), i.raisedAt);
  }

  await w.heading(L('sec.requests'));
  if (c.requests.length === 0) await w.text(L('doc.none'));
  for (const r of c.requests) {
    await w.text(`${r.type} · ${r.id}`, { bold: true });
    await w.field(L('f.partner'), r.providerOrgId);
    await w.field(L('f.status'), `${r.status} · ${r.urgency} · TLP:${r.tlp}`);
    if (r.sentAt) await w.field(L('f.sent'), r.sentAt);
    if (r.dueAt) await w.field(L('f.deadline'), `${r.dueAt} (${L('f.extensions')}: ${r.extensionsUsed ?? 0})`);
  }
};

/** What a package's attachment holds: everything its proofs and digests are checked with offline (verify.ts). */
const attachmentOf = (c: RequestPackage): PackageAttachment => ({
  format: 'taskforce.request-package/1',
  workspaceId: c.workspace.id,
  requestId: c.request.id,
  generatedAt: c.generatedAt,
  evidence: c.evidence.map((e) => ({ id: e.id, fileName: e.fileName, size: e.size, sha256: e.sha256 })),
  checkpoint: c.proofs?.checkpoint ?? null,
  entries: c.proofs?.entries ?? [],
});

/** The document as a PDF, set in embedded subsets of Noto Sans and Noto Sans Thai. */
export async function renderDocument(content: DocumentContent, lang: DocumentLang): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const isPackage = content.kind === 'request_package';
  const title = english(isPackage ? 'package.title' : 'report.title');
  doc.setTitle(`${title} — ${content.workspace.title}`);
  doc.setLanguage(lang);
  doc.setProducer('Taskforce');
  doc.setCreationDate(new Date(content.generatedAt));
  doc.setModificationDate(new Date(content.generatedAt));
  const w = new Writer(doc, new FontSet(doc));
  if (isPackage) await requestPackage(w, content, lang);
  else await workspaceReport(w, content, lang);
  await w.finish(content.marking, bilingual(lang, 'doc.relTo'), bilingual(lang, 'doc.members'), (i, n) =>
    lang === 'en' ? `Page ${i} of ${n}` : `Page ${i} of ${n} / ${local(lang, 'doc.page')} ${i} ${local(lang, 'doc.of')} ${n}`,
  );
  if (isPackage)
    await doc.attach(Buffer.from(JSON.stringify(attachmentOf(content), null, 1), 'utf8'), PACKAGE_ATTACHMENT, {
      mimeType: 'application/json',
      description: 'Evidence digests, audit entries, inclusion proofs and the signed checkpoint',
      creationDate: new Date(content.generatedAt),
      modificationDate: new Date(content.generatedAt),
      afRelationship: AFRelationship.Supplement,
    });
  return doc.save();
}
