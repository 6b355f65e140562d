import { requestType } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { Confirm, Problem } from '../../ui';

// What the requesting agency (or the lead) does on a request it sent: answer the partner's
// question (the clock resumes), extend the deadline where the clock table allows, withdraw it.
// Each asks for what the API records (answer, reason) and withdrawing asks to be confirmed.

type Request = Schemas['DataRequest'];
const WITHDRAWABLE = new Set([
  'draft',
  'awaiting_cosign',
  'awaiting_validation',
  'validated',
  'sent',
  'acknowledged',
  'clarification_requested',
  'preserved',
]);
const EXTENDABLE = new Set(['sent', 'acknowledged', 'preserved']);

/** The extension the request's clock row allows and has left, if any. */
const extensionLeft = (q: Request): { by: string; left: number } | undefined => {
  if (!q.clock || !EXTENDABLE.has(q.status)) return undefined;
  const row = requestType(q.type).clocks.find((c) => c.id === q.clock!.rule);
  if (!row?.extension) return undefined;
  const left = row.extension.times - (q.clock.extensionsUsed ?? 0);
  return left > 0 ? { by: row.extension.by, left } : undefined;
};

function useAct(onDone: () => Promise<void>) {
  const [err, setErr] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setErr(undefined);
    setDone('');
    setBusy(true);
    try {
      await fn();
      setDone(message);
      await onDone();
      return true;
    } catch (x) {
      setErr(x);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { err, busy, done, run };
}

export function AgencyActions({ q, ws, onDone }: { q: Request; ws: string; onDone: () => Promise<void> }) {
  const params = { path: { workspaceId: ws, requestId: q.id } };
  const a = useAct(onDone);
  const pending = q.status === 'clarification_requested' ? q.clarifications.at(-1) : undefined;
  const ext = extensionLeft(q);
  return (
    <section aria-labelledby="h-agency-actions">
      <h2 id="h-agency-actions">{t('req.actions')}</h2>
      <p role="status" class="ok">
        {a.done}
      </p>
      {pending && !pending.answer && (
        <form
          class="card attention"
          aria-labelledby="h-clar-answer"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const answer = String(new FormData(form).get('answer')).trim();
            void a
              .run(
                () =>
                  ok(api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/clarification-answer', { params, body: { answer } })),
                t('req.answeredOk'),
              )
              .then((sent) => sent && form.reset());
          }}
        >
          <h3 id="h-clar-answer">{t('req.partnerAsks')}</h3>
          <blockquote>{pending.question}</blockquote>
          <p class="meta">
            {t('req.askedAt', { at: fmtDateTime(pending.askedAt) })} · {t('req.paused')}
          </p>
          <label>
            {t('req.yourAnswer')}
            <textarea name="answer" required rows={3} maxLength={5000} />
          </label>
          <button type="submit" disabled={a.busy}>
            {t('req.sendAnswer')}
          </button>
        </form>
      )}
      <div class="actions">
        {ext && (
          <Confirm
            label={t('req.extend')}
            secondary
            title={t('req.extendTitle')}
            question={t('req.extendBy', { d: fmtIsoDuration(ext.by), n: ext.left })}
            confirm={t('req.extendConfirm')}
            onConfirm={(f) => {
              const reason = String(f.get('reason')).trim();
              return a.run(
                () =>
                  ok(
                    api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/extend', {
                      params,
                      body: reason ? { reason } : {},
                    }),
                  ),
                t('req.extendedOk'),
              );
            }}
          >
            <label>
              {t('req.extendReason')}
              <textarea name="reason" required rows={2} maxLength={2000} />
            </label>
          </Confirm>
        )}
        {WITHDRAWABLE.has(q.status) && (
          <Confirm
            label={t('req.withdraw')}
            secondary
            danger
            title={t('req.withdrawTitle')}
            question={t('req.withdrawWarn')}
            confirm={t('req.withdrawConfirm')}
            onConfirm={(f) => {
              const reason = String(f.get('reason')).trim();
              return a.run(
                () => ok(api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/withdraw', { params, body: { reason } })),
                t('req.withdrawnOk'),
              );
            }}
          >
            <label>
              {t('req.withdrawReason')}
              <textarea name="reason" required rows={2} maxLength={2000} />
            </label>
          </Confirm>
        )}
      </div>
      <Problem error={a.err} />
    </section>
  );
}
