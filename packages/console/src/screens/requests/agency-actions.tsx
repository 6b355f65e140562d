import { requestType } from '@taskforce/core/request-types';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../api/client';
import { fmtDateTime, fmtIsoDuration, t } from '../../i18n';
import { Problem } from '../../ui';

// What the requesting agency (or the lead) does on a request it sent: answer the partner's
// question (the clock resumes), extend the deadline where the clock table allows, withdraw it.
// Each asks for what the API records (answer, reason) and withdrawing asks to be confirmed.

type Request = Schemas['DataRequest'];
const WITHDRAWABLE = new Set(['draft', 'awaiting_cosign', 'sent', 'acknowledged', 'clarification_requested', 'preserved']);
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
  const [open, setOpen] = useState<'' | 'withdraw' | 'extend'>('');
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
          <button
            type="button"
            class="secondary"
            aria-expanded={open === 'extend'}
            onClick={() => setOpen(open === 'extend' ? '' : 'extend')}
          >
            {t('req.extend')}
          </button>
        )}
        {WITHDRAWABLE.has(q.status) && (
          <button
            type="button"
            class="secondary danger"
            aria-expanded={open === 'withdraw'}
            onClick={() => setOpen(open === 'withdraw' ? '' : 'withdraw')}
          >
            {t('req.withdraw')}
          </button>
        )}
      </div>
      {open === 'extend' && ext && (
        <form
          class="card"
          aria-labelledby="h-extend"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get('reason')).trim();
            void a
              .run(
                () =>
                  ok(
                    api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/extend', {
                      params,
                      body: reason ? { reason } : {},
                    }),
                  ),
                t('req.extendedOk'),
              )
              .then((sent) => sent && setOpen(''));
          }}
        >
          <h3 id="h-extend">{t('req.extendTitle')}</h3>
          <p>{t('req.extendBy', { d: fmtIsoDuration(ext.by), n: ext.left })}</p>
          <label>
            {t('req.extendReason')}
            <textarea name="reason" required rows={2} maxLength={2000} />
          </label>
          <div class="actions">
            <button type="submit" disabled={a.busy}>
              {t('req.extendConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen('')}>
              {t('req.cancel')}
            </button>
          </div>
        </form>
      )}
      {open === 'withdraw' && WITHDRAWABLE.has(q.status) && (
        <form
          class="card"
          aria-labelledby="h-withdraw"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get('reason')).trim();
            void a
              .run(
                () => ok(api().POST('/v1/workspaces/{workspaceId}/requests/{requestId}/withdraw', { params, body: { reason } })),
                t('req.withdrawnOk'),
              )
              .then((sent) => sent && setOpen(''));
          }}
        >
          <h3 id="h-withdraw">{t('req.withdrawTitle')}</h3>
          <p>{t('req.withdrawWarn')}</p>
          <label>
            {t('req.withdrawReason')}
            <textarea name="reason" required rows={2} maxLength={2000} />
          </label>
          <div class="actions">
            <button type="submit" class="danger" disabled={a.busy}>
              {t('req.withdrawConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen('')}>
              {t('req.cancel')}
            </button>
          </div>
        </form>
      )}
      <Problem error={a.err} />
    </section>
  );
}
