/**
 * A 24/7 duty contact makes the console on their device a pager, in English, Vietnamese and Thai,
 * at a desk and on a phone (390×844): the screen says that pushes stay on this machine locally;
 * "Use this device as a pager" asks to show notifications, subscribes and registers the device;
 * its code arrives as a notification (through the console's service worker) and verifies it; then
 * a page arrives and is shown with its Acknowledge action in the person's language.
 *
 * Two hops are played by the test, because this machine reaches no push service: the browser's
 * subscription at its push service (Chromium here has none to ask, and gives up hard when asked),
 * so `PushManager.subscribe` answers a subscription at push.example.net as a push service would;
 * and the push service's delivery, done through the DevTools protocol
 * (`ServiceWorker.deliverPushMessage`) with exactly the payload the local push sink kept.
 */
import { createECDH, randomBytes } from 'node:crypto';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, DESK, LANGS, label, PHONE, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

let c: Console;
beforeAll(async () => {
  c = await startConsole();
  await c.context.grantPermissions(['notifications'], { origin: c.rt.url });
}, 180_000);
afterAll(() => c?.stop());

const VIEWS = [
  { name: 'desk', size: DESK },
  { name: 'phone', size: PHONE },
] as const;

/** What the push sink kept for one subscription (newest first), as `/local/push` lists it. */
interface Kept {
  title: string;
  body: string;
  url: string;
  ackUrl?: string;
  tag: string;
}
const kept = async (endpoint: string): Promise<Kept[]> =>
  ((await (await fetch(`${c.rt.url}/local/push?endpoint=${encodeURIComponent(endpoint)}`)).json()) as { items: Kept[] }).items;

/**
 * The browser's push service, played (an init script: it runs in the page before the console):
 * subscribing answers a subscription at push.example.net with keys of its own.
 */
const playPushService = ({ endpoint, keys }: { endpoint: string; keys: { p256dh: string; auth: string } }) => {
  PushManager.prototype.getSubscription = async () => null;
  PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) =>
    ({
      endpoint,
      expirationTime: null,
      options: { applicationServerKey: options?.applicationServerKey ?? null, userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => ({ endpoint, expirationTime: null, keys }),
      unsubscribe: async () => true,
    }) as unknown as PushSubscription;
};
/** A P-256 public key and an auth secret in base64url, as a browser makes them. */
const subscriptionKeys = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};

/** The console's service worker, once it runs with the Acknowledge label of `lang` (it is registered again when the language changes). */
const workerIn = async (ack: string): Promise<Worker> => {
  let found: Worker | undefined;
  await expect
    .poll(() => {
      found = c.context.serviceWorkers().find((w) => new URL(w.url()).searchParams.get('ack') === ack);
      return Boolean(found);
    }, POLL)
    .toBe(true);
  return found!;
};

/** The notifications the service worker is showing, as the device shows them. */
const shown = (w: Worker) =>
  w.evaluate(async () =>
    (await (self as unknown as { registration: ServiceWorkerRegistration }).registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      actions: (n as Notification & { actions?: { action: string; title: string }[] }).actions?.map((a) => ({
        action: a.action,
        title: a.title,
      })),
      data: n.data as { url?: string; ackUrl?: string },
    })),
  );

/** Delivers one push to the console's service worker, as its push service would. */
const deliver = async (cdp: CDPSession, registrationId: string, payload: Kept) =>
  cdp.send('ServiceWorker.deliverPushMessage', { origin: c.rt.url, registrationId, data: JSON.stringify(payload) });

describe.each(LANGS)('this device as a pager (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);

  for (const [v, view] of VIEWS.entries()) {
    it(`a duty contact registers this device, verifies it by the code that arrives as a notification, and a page shows its Acknowledge action (${view.name})`, {
      timeout: 120_000,
    }, async () => {
      const n = LANGS.indexOf(lang) * VIEWS.length + v;
      const endpoint = `https://push.example.net/send/${lang}-${view.name}-${Date.now().toString(36)}`;
      const step = (s: string) => `push-${s}${view.name === 'phone' ? '-phone' : ''}-${lang}`;
      // An hour later than the run before: codes sent then no longer count toward this person's hourly limit.
      c.clock.advance(60 * 60_000);

      const page: Page = await c.newPage();
      await page.setViewportSize(view.size);
      await page.addInitScript(playPushService, { endpoint, keys: subscriptionKeys() });
      await signIn(c, page, 'ccib-duty', 'me', lang);
      await page.getByRole('heading', { name: L('me.title'), level: 1 }).waitFor();

      // The section says what the device can do, and that locally nothing reaches a push service.
      const pager = page.getByRole('region', { name: L('me.pager.title') });
      await pager.getByText(L('me.pager.intro')).waitFor();
      await pager.getByText(L('me.pager.local')).waitFor();
      await checkA11y(c, page, `this device as a pager (${lang}, ${view.name})`);
      await pager.scrollIntoViewIfNeeded();
      await shoot(page, step('start'));

      // The service worker runs, with the Acknowledge label in the person's language.
      const worker = await workerIn(L('me.pager.ack'));
      const cdp = await c.context.newCDPSession(page);
      const registrations: { registrationId: string; scopeURL: string }[] = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
      await cdp.send('ServiceWorker.enable');
      await expect.poll(() => registrations.some((r) => r.scopeURL === `${c.rt.url}/`), POLL).toBe(true);
      const registrationId = registrations.find((r) => r.scopeURL === `${c.rt.url}/`)!.registrationId;

      // Use this device as a pager: notifications allowed, subscribed, registered; its code is on its way.
      await pager.getByRole('button', { name: L('me.pager.submit') }).click();
      await pager.getByRole('status').getByText(L('me.pager.added')).waitFor();
      const method = page.getByRole('listitem').filter({ hasText: 'https://push.example.net' }).last();
      await method.getByText(L('me.kind.push'), { exact: true }).waitFor();
      await method.getByText(L('me.status.unverified')).waitFor();
      // The code push is kept on this machine, and listed there.
      await expect.poll(async () => (await kept(endpoint)).length, POLL).toBe(1);
      const [codePush] = await kept(endpoint);
      const code = /\b(\d{6})\b/.exec(codePush!.title)?.[1];
      expect(code).toMatch(/^\d{6}$/);
      await page
        .getByRole('table', { name: L('me.local.push') })
        .getByRole('cell', { name: codePush!.title })
        .first()
        .waitFor();

      // The push service delivers it: the device shows the code as a notification, and the open console too.
      await deliver(cdp, registrationId, codePush!);
      await pager.getByText(L('me.pager.received', { title: codePush!.title, body: codePush!.body })).waitFor();
      await expect.poll(async () => (await shown(worker)).find((x) => x.tag === codePush!.tag)?.title, POLL).toBe(codePush!.title);
      await checkA11y(c, page, `code arrived as a notification (${lang}, ${view.name})`);
      await pager.scrollIntoViewIfNeeded();
      await shoot(page, step('code'));

      // The person types it: the device is a verified pager.
      await method.getByLabel(L('me.code', { address: 'https://push.example.net' })).fill(code!);
      await method.getByRole('button', { name: L('me.verify') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.verified', { address: 'https://push.example.net' }))
        .first()
        .waitFor();
      await method.getByText(L('me.status.verified')).waitFor();

      // A page arrives: shown until answered, its Acknowledge action opening the page's acknowledge link.
      const ackUrl = `${c.rt.url}/ack/ws-${n}.inc-${n}.page-${n}.secret${n}`;
      const pagePush: Kept = {
        title: 'Taskforce: a critical incident needs you',
        body: 'Level 1 · Thailand · code K7Q2',
        url: '/#/pager',
        ackUrl,
        tag: `page-${lang}-${view.name}`,
      };
      await deliver(cdp, registrationId, pagePush);
      await pager.getByText(L('me.pager.received', { title: pagePush.title, body: pagePush.body })).waitFor();
      await expect
        .poll(async () => (await shown(worker)).find((x) => x.tag === pagePush.tag), POLL)
        .toEqual({
          title: pagePush.title,
          body: pagePush.body,
          tag: pagePush.tag,
          requireInteraction: true,
          actions: [{ action: 'ack', title: L('me.pager.ack') }],
          data: { url: `${c.rt.url}/#/pager`, ackUrl },
        });
      await checkA11y(c, page, `a page arrived (${lang}, ${view.name})`);
      await pager.scrollIntoViewIfNeeded();
      await shoot(page, step('paged'));

      expect(pageErrors(page)).toEqual([]);
      await cdp.detach();
      await page.close();
    });
  }
});
