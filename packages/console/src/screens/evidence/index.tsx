import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok, session } from '../../api/client';
import { usePoll } from '../../hooks';
import { enumLabel, fmtDateTime, t } from '../../i18n';
import { useSignal } from '../../signal';
import { Problem } from '../../ui';
import { CsvButton } from '../workspace/shared';
import { downloadLink, type EvidenceFile, type FilesOf, getOfficer, listFiles, releaseFile, setOfficer } from './api';
import { Upload, type UploadState } from './upload';

// Evidence of any size on a task, an incident or a request (agencies), or on the partner's
// request: the files with their digest, verification and quarantine, the uploader, the evidence
// officer's Release, and Download.

const MiB = 1024 * 1024;
const mib = (n: number) => (n / MiB).toLocaleString(undefined, { maximumFractionDigits: 1 });
/** A file's size: KiB below a MiB, MiB above. */
const sizeOf = (n: number) => (n < MiB ? `${(n / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KiB` : `${mib(n)} MiB`);

/** How a file's malware scan reads: "unavailable" says no scanner ran here, never that it is clean. */
const scanText = (f: EvidenceFile) => (f.scan ? t(`ev.scan.${f.scan}` as 'ev.scan.clean') : '');

function FileRow({ f, where, onChanged }: { f: EvidenceFile; where: FilesOf; onChanged: () => void }) {
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<unknown>) => {
    setErr(undefined);
    setBusy(true);
    try {
      await run();
      onChanged();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  const download = () =>
    act(async () => {
      if (where.as !== 'agency') return;
      const link = await downloadLink(where, f.id);
      const a = document.createElement('a');
      a.href = link.url;
      a.rel = 'noopener';
      a.download = f.fileName;
      document.body.append(a);
      a.click();
      a.remove();
    });
  return (
    <li class="row evidence" data-testid={`file-${f.fileName}`}>
      <div class="row-main">
        <strong>{f.fileName}</strong>
        <span class="meta">
          {sizeOf(f.size)} · {enumLabel('status', f.status)}
          {f.quarantine !== 'none' && <> · {t(`ev.quarantine.${f.quarantine}` as 'ev.quarantine.held')}</>}
          {f.scan && <> · {scanText(f)}</>}
        </span>
        {f.sha256 && (
          <span class="meta">
            SHA-256: <code data-testid="file-digest">{f.sha256}</code>
          </span>
        )}
        {f.rejected && <span class="meta bad">{t(`ev.rejected.${f.rejected}` as 'ev.rejected.digest_mismatch')}</span>}
        {f.storedAt && <span class="meta">{t('ev.storedAt', { at: fmtDateTime(f.storedAt) })}</span>}
      </div>
      <div class="actions">
        {f.canRelease && (
          <button type="button" disabled={busy} onClick={() => act(() => releaseFile(where as Extract<FilesOf, { as: 'agency' }>, f.id))}>
            {t('ev.release', { name: f.fileName })}
          </button>
        )}
        {f.canDownload && (
          <button type="button" class="secondary" disabled={busy} onClick={download}>
            {t('ev.download', { name: f.fileName })}
          </button>
        )}
      </div>
      <Problem error={err} />
    </li>
  );
}

/** The progress of the upload under way, with Resume while it is paused. */
function Progress({ s, onResume }: { s: UploadState; onResume: () => void }) {
  const phase = t(`ev.phase.${s.phase}` as 'ev.phase.uploading');
  return (
    <div class="upload-progress">
      <progress aria-label={t('ev.progress', { name: s.fileName })} max={s.size} value={s.sent} />
      <p role="status">
        {phase} · {t('ev.sent', { sent: mib(s.sent), size: mib(s.size) })}
        {s.hashed < s.size && <> · {t('ev.hashed', { hashed: mib(s.hashed) })}</>}
      </p>
      {s.phase === 'paused' && (
        <button type="button" onClick={onResume}>
          {t('ev.resume')}
        </button>
      )}
      <Problem error={s.error} />
    </div>
  );
}

function Officer({ workspaceId }: { workspaceId: string }) {
  const me = useSignal(session)!.me;
  const r = usePoll(() => getOfficer(workspaceId), [workspaceId], false);
  // The lead names the officer.
  const ws = usePoll(() => ok(api().GET('/v1/workspaces/{workspaceId}', { params: { path: { workspaceId } } })), [workspaceId], false);
  const isLead = ws.data?.leadOrgId === me.orgId;
  const [err, setErr] = useState<unknown>();
  const officer = r.data?.officer;
  const mine = officer?.sub === me.sub && officer.orgId === me.orgId;
  return (
    <p class="meta">
      {t('ev.officer')}: {officer ? (mine ? t('ev.officerYou') : officer.orgId) : t('ev.officerNone')}{' '}
      {isLead && !mine && (
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            setErr(undefined);
            try {
              await setOfficer(workspaceId, { sub: me.sub, orgId: me.orgId });
              await r.reload();
            } catch (x) {
              setErr(x);
            }
          }}
        >
          {t('ev.officerMe')}
        </button>
      )}
      <Problem error={err} />
    </p>
  );
}

/** The files of a record, and the uploader. */
export function EvidenceFiles({ where }: { where: FilesOf }) {
  const files = usePoll(() => listFiles(where), [JSON.stringify(where)]);
  const [file, setFile] = useState<File | undefined>();
  const [untrusted, setUntrusted] = useState(false);
  const [state, setState] = useState<UploadState | undefined>();
  const upload = useRef<Upload | undefined>(undefined);
  useEffect(() => () => upload.current?.stop(), []);
  // While a file is verifying, look again soon: it turns stored (or rejected) without a reload.
  const verifying = files.data?.some((f) => f.status === 'verifying') || state?.phase === 'verifying';
  useEffect(() => {
    if (!verifying) return;
    const id = setInterval(() => void files.reload(), 1000);
    return () => clearInterval(id);
  }, [verifying]);
  const busy = state !== undefined && !['verifying', 'failed'].includes(state.phase);
  const start = () => {
    if (!file) return;
    upload.current?.stop();
    const u = new Upload(where, file, untrusted, (s) => {
      setState(s);
      if (s.phase === 'verifying') void files.reload();
    });
    upload.current = u;
    setState(u.state);
    void u.start().then(() => files.reload());
  };
  return (
    <section class="evidence-files" aria-labelledby="h-files">
      <h2 id="h-files">{t('ev.title')}</h2>
      {where.as === 'agency' && <Officer workspaceId={where.workspaceId} />}
      {/* While the upload waits for the network, the list's own failed look is the same news: the paused status says it once. */}
      <Problem error={state?.phase === 'paused' ? undefined : files.error} />
      {files.data && files.data.length === 0 && <p>{t('ev.none')}</p>}
      {files.data && files.data.length > 0 && (
        <CsvButton
          name="evidence"
          label={t('ev.csv')}
          header={[
            t('ev.col.name'),
            t('ev.col.bytes'),
            'SHA-256',
            t('ev.col.status'),
            t('ev.col.quarantine'),
            t('ev.col.scan'),
            t('ev.col.storedAt'),
          ]}
          rows={() =>
            (files.data ?? []).map((f) => [
              f.fileName,
              f.size,
              f.sha256 ?? '',
              enumLabel('status', f.status),
              f.quarantine === 'none' ? '' : t(`ev.quarantine.${f.quarantine}` as 'ev.quarantine.held'),
              scanText(f),
              f.storedAt ?? '',
            ])
          }
        />
      )}
      <ul class="rows">
        {files.data?.map((f) => (
          <FileRow key={f.id} f={f} where={where} onChanged={() => void files.reload()} />
        ))}
      </ul>
      <div class="upload">
        <label>
          {t('ev.pick')}
          <input type="file" disabled={busy} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>
        {where.as === 'agency' && (
          <label class="check">
            <input type="checkbox" checked={untrusted} disabled={busy} onChange={(e) => setUntrusted(e.currentTarget.checked)} />
            {t('ev.untrusted')}
          </label>
        )}
        <button type="button" disabled={!file || busy} onClick={start}>
          {t('ev.upload')}
        </button>
      </div>
      {state && <Progress s={state} onResume={() => void upload.current?.resume()} />}
    </section>
  );
}
