// The field page's service worker (issue 19 §3), served at a fixed unhashed path with `Cache-Control: no-cache`
// so a new version is picked up at once. It controls only the field pages (scope /lapangan): the app shell and the
// operator's reads are cached network-first, hashed assets cache-first; changes (POST) are never cached — the page
// keeps those in its IndexedDB queue. After caching what the page loaded it says so, and the page shows that it
// is ready to open without a connection.
export const FIELD_SW_SCRIPT = `
const CACHE = 'lindung-field-v1';
const READS = ['/api/me', '/api/collection/worklist', '/api/regions'];
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'cache') return;
  const client = event.source;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        event.data.urls
          .filter((u) => isShell(new URL(u, self.location.origin)))
          .map((u) => fetch(u, { credentials: 'same-origin' }).then((r) => (r.ok ? cache.put(u, r) : undefined), () => undefined)),
      ),
    ).then(() => client && client.postMessage({ type: 'cached' })),
  );
});
function isShell(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/assets/')) return true;
  if (url.pathname.startsWith('/lapangan')) return true;
  return READS.some((p) => url.pathname === p || url.pathname.startsWith(p + '/'));
}
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isShell(url)) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then((hit) => hit || fetch(request).then((r) => {
        if (r.ok) { const copy = r.clone(); caches.open(CACHE).then((c) => c.put(request, copy)); }
        return r;
      })),
    );
    return;
  }
  // Network first; the cached copy when there is no connection.
  event.respondWith(
    fetch(request).then((r) => {
      if (r.ok) { const copy = r.clone(); caches.open(CACHE).then((c) => c.put(request, copy)); }
      return r;
    }, () => caches.match(request, { ignoreSearch: url.pathname.startsWith('/lapangan') }).then((hit) =>
      hit || (url.pathname.startsWith('/lapangan') ? caches.match('/lapangan') : undefined)
    ).then((hit) => hit || Response.error())),
  );
});
`;
