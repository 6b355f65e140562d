/**
 * The console's service worker: it makes the console a pager. A web push (see
 * packages/messaging/src/channels/push.ts: `{title, body, url, ackUrl?, tag}`) becomes a
 * notification that stays until it is answered; its Acknowledge action opens the page's one-click
 * acknowledge page (`ackUrl`), and a tap opens `url`. Only pages of this origin are ever opened.
 *
 * The console registers it as `/sw.js?ack=<label>` with the Acknowledge action's label in the
 * reader's language (packages/console/src/pager-device.ts): this file holds no words of its own.
 * It caches nothing: the console is online or it is not used.
 */
const params = new URL(self.location.href).searchParams;
const ACK_LABEL = params.get('ack') || 'Acknowledge';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** A URL of this origin (a path is resolved against it), or undefined. */
const sameOrigin = (raw) => {
  if (typeof raw !== 'string' || !raw) return undefined;
  try {
    const url = new URL(raw, self.registration.scope);
    return url.origin === self.location.origin ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/** What a push says; a payload that is not the platform's JSON still shows, as plain text. */
const payloadOf = (data) => {
  if (!data) return { title: 'Taskforce', body: '' };
  try {
    const p = data.json();
    return p && typeof p === 'object' ? p : { title: 'Taskforce', body: String(p) };
  } catch {
    return { title: 'Taskforce', body: data.text() };
  }
};

self.addEventListener('push', (event) => {
  const p = payloadOf(event.data);
  const url = sameOrigin(p.url) ?? self.registration.scope;
  const ackUrl = sameOrigin(p.ackUrl);
  const tag = typeof p.tag === 'string' && p.tag ? p.tag : undefined;
  const options = {
    body: typeof p.body === 'string' ? p.body : '',
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    data: { url, ackUrl },
    actions: ackUrl ? [{ action: 'ack', title: ACK_LABEL }] : [],
    // A page waits on screen until it is answered; a repeat of one page (same tag) rings again.
    requireInteraction: Boolean(ackUrl),
    ...(tag ? { tag, renotify: true } : {}),
  };
  event.waitUntil(
    self.registration.showNotification(typeof p.title === 'string' && p.title ? p.title : 'Taskforce', options).then(async () => {
      // An open console hears of it too (the contact-methods screen shows a code that arrived).
      for (const client of await self.clients.matchAll({ type: 'window' }))
        client.postMessage({ type: 'push', title: p.title, body: options.body, tag: tag ?? null });
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  const n = event.notification;
  n.close();
  const target = (event.action === 'ack' && n.data?.ackUrl) || n.data?.url || self.registration.scope;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => w.url === target);
      if (open) return open.focus();
      return self.clients.openWindow(target);
    })(),
  );
});
