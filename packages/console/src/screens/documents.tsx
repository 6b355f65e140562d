import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api/client';
import { LOCALES, type Locale, locale, t } from '../i18n';
import { useSignal } from '../signal';
import { Problem } from '../ui';

type Job = Schemas['DocumentJob'];
const POLL_MS = 1000;

/**
 * A PDF the server makes as a job: a request's court package or a workspace report, in English
 * and a second language (preset to the console's). Pressing the button starts the job; it is
 * polled here (no reload) until ready, then a link to the file shows; it lasts a few minutes.
 */
export function DocumentButton(props: { workspaceId: string; requestId?: string }) {
  const shown = useSignal(locale);
  const [lang, setLang] = useState<Locale>(shown);
  const [job, setJob] = useState<Job>();
  const [err, setErr] = useState<unknown>();
  const { workspaceId, requestId } = props;
  const label = requestId ? t('doc.package') : t('doc.report');
  const start = async () => {
    setErr(undefined);
    try {
      const query = { lang };
      let current = requestId
        ? await ok(
            api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/packages', {
              params: { path: { workspaceId, requestId }, query },
            }),
          )
        : await ok(api().POST('/v1/workspaces/{workspaceId}/reports', { params: { path: { workspaceId }, query } }));
      setJob(current);
      while (current.status === 'queued') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const documentId = current.id;
        current = requestId
          ? await ok(
              api().GET('/v1/workspaces/{workspaceId}/requests/{requestId}/packages/{documentId}', {
                params: { path: { workspaceId, requestId, documentId } },
              }),
            )
          : await ok(api().GET('/v1/workspaces/{workspaceId}/reports/{documentId}', { params: { path: { workspaceId, documentId } } }));
        setJob(current);
      }
    } catch (x) {
      setErr(x);
    }
  };
  const id = requestId ? 'doc-lang-package' : 'doc-lang-report';
  return (
    <div class="document-job">
      <label for={id}>{t('doc.lang')}</label>{' '}
      <select id={id} value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Locale)}>
        <option value="en">{t('doc.englishOnly')}</option>
        <option value="vi">{LOCALES.vi}</option>
        <option value="th">{LOCALES.th}</option>
      </select>{' '}
      <button type="button" class="secondary" disabled={job?.status === 'queued'} onClick={start}>
        {label}
      </button>
      {job?.status === 'queued' && <p role="status">{t('doc.preparing')}</p>}
      {job?.status === 'failed' && (
        <p role="alert" class="bad">
          {t('doc.failed', { reason: t(`doc.error.${job.error?.code ?? 'read_failed'}`) })}
        </p>
      )}
      {job?.status === 'ready' && job.download && (
        <p role="status" class="ok">
          {t('doc.ready', { size: `${((job.bytes ?? 0) / 1024).toFixed(1)} KB` })}{' '}
          <a href={job.download.url} rel="noopener noreferrer" download>
            {t('doc.download')} — {label}
          </a>
        </p>
      )}
      <Problem error={err} />
    </div>
  );
}
