// Registers the field page's service worker: served by the server at a fixed, unhashed path with no-cache, and
// limited to the field pages' scope, so the rest of the app never runs under it.
export const FIELD_SW_PATH = '/collection-sw.js';
export const FIELD_SCOPE = '/lapangan';

export async function registerFieldWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const reg = await navigator.serviceWorker.register(FIELD_SW_PATH, { scope: FIELD_SCOPE });
    await navigator.serviceWorker.ready;
    // Cache what this page loaded before the worker controlled it (the app shell, the lazy route, the API reads).
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin));
    reg.active?.postMessage({ type: 'cache', urls: [location.pathname, ...urls] });
  } catch {
    // No service worker (private mode, an old browser): the page still works online and keeps its queue.
  }
}
