import { locale, t } from './i18n';

/** Whether this browser can be a pager at all: a service worker, the Push API and notifications. */
export const canBePager = (): boolean =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/**
 * Registers the console's service worker (public/sw.js: it shows a push as a notification with an
 * Acknowledge action). Its only words, the action's label, go in its URL in the reader's language,
 * so it is registered again when the language changes (the new one replaces the old at once).
 */
function registerPager(): Promise<ServiceWorkerRegistration> | undefined {
  if (!canBePager()) return undefined;
  return navigator.serviceWorker.register(`/sw.js?${new URLSearchParams({ ack: t('me.pager.ack') })}`, { scope: '/' });
}

/** Registers the service worker now and again whenever the reader changes language; a failure only means no pager here. */
export function keepPagerRegistered(): void {
  const register = () => void registerPager()?.catch(() => {});
  register();
  locale.subscribe(register);
}

const fromBase64url = (s: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
const toBase64url = (b: ArrayBuffer | null | undefined): string =>
  b
    ? btoa(String.fromCharCode(...new Uint8Array(b)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')
    : '';

/** A subscription as the API takes it: the endpoint and the two keys, nothing else. */
export interface PushSubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Subscribes this browser at its push service with the platform's VAPID key. A subscription made
 * with another key (the keys were rotated) is dropped first: the push service would refuse ours.
 * Throws the browser's own error when its push service cannot be reached.
 */
export async function subscribeThisDevice(publicKey: string): Promise<PushSubscriptionBody> {
  const reg = (await registerPager()) ?? (await navigator.serviceWorker.ready);
  const existing = await reg.pushManager.getSubscription();
  if (existing && toBase64url(existing.options.applicationServerKey) !== publicKey) await existing.unsubscribe();
  const sub =
    existing && toBase64url(existing.options.applicationServerKey) === publicKey
      ? existing
      : await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64url(publicKey) });
  const json = sub.toJSON();
  return { endpoint: sub.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } };
}
