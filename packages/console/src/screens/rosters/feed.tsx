import { useId, useState } from 'preact/hooks';
import { api, apiUrl, ok } from '../../api/client';
import { usePoll } from '../../hooks';
import { fmtDateTime, t } from '../../i18n';
import { Confirm, Problem } from '../../ui';

/**
 * The person's own secret calendar address: made, shown once with a copy button, replaced by a new
 * one (the old stops at once) or revoked. Only its owner sees it, and only when it is made: the
 * platform keeps its hash alone.
 */
export function CalendarFeed() {
  const status = usePoll(() => ok(api().GET('/v1/me/calendar-feed')), [], false);
  const [url, setUrl] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [err, setErr] = useState<unknown>();
  const id = useId();
  const urlId = useId();
  const issue = async () => {
    setErr(undefined);
    try {
      const made = await ok(api().POST('/v1/me/calendar-feed', {}));
      setUrl(apiUrl(made.path));
      setCopied(false);
      await status.reload();
      return true;
    } catch (x) {
      setErr(x);
      return false;
    }
  };
  const active = status.data?.active ?? false;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{t('rosters.feed')}</h2>
      <p>{t('rosters.feedIntro')}</p>
      <Problem error={status.error ?? err} />
      {url && (
        <div class="inline">
          <label for={urlId}>{t('rosters.feedUrl')}</label>
          <input id={urlId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(url).catch(() => {});
              setCopied(true);
            }}
          >
            {copied ? t('rosters.feedCopied') : t('rosters.feedCopy')}
          </button>
        </div>
      )}
      {status.data && !active && !url && <p class="muted">{t('rosters.feedNone')}</p>}
      {status.data && active && !url && status.data.createdAt && (
        <p class="muted">{t('rosters.feedActive', { t: fmtDateTime(status.data.createdAt) })}</p>
      )}
      {status.data && (
        <div class="actions">
          {!active && (
            <button type="button" onClick={() => void issue()}>
              {t('rosters.feedCreate')}
            </button>
          )}
          {active && (
            <Confirm
              label={t('rosters.feedRotate')}
              question={t('rosters.feedRotateQuestion')}
              confirm={t('rosters.feedRotate')}
              onConfirm={issue}
            />
          )}
          {active && (
            <Confirm
              label={t('rosters.feedRevoke')}
              question={t('rosters.feedRevokeQuestion')}
              confirm={t('rosters.feedRevoke')}
              danger
              secondary
              onConfirm={async () => {
                setErr(undefined);
                try {
                  await ok(api().DELETE('/v1/me/calendar-feed', {}));
                  setUrl(undefined);
                  await status.reload();
                  return true;
                } catch (x) {
                  setErr(x);
                  return false;
                }
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
