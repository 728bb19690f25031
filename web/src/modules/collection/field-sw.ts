// Registers the field page's service worker: served by the server at a fixed, unhashed path with no-cache, and
// limited to the field pages' scope, so the rest of the app never runs under it.
export const FIELD_SW_PATH = '/collection-sw.js';
export const FIELD_SCOPE = '/lapangan';

/** Registers the worker and has it cache what this page loaded; true once the page would open offline. */
export async function registerFieldWorker(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  try {
    const reg = await navigator.serviceWorker.register(FIELD_SW_PATH, { scope: FIELD_SCOPE });
    await navigator.serviceWorker.ready;
    const worker = reg.active;
    if (!worker) return false;
    // Cache what this page loaded before the worker controlled it (the app shell, the lazy route, the API reads).
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin));
    const done = new Promise<boolean>((resolve) => {
      const onMessage = (event: MessageEvent<{ type?: string }>) => {
        if (event.data?.type !== 'cached') return;
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve(true);
      };
      navigator.serviceWorker.addEventListener('message', onMessage);
    });
    worker.postMessage({ type: 'cache', urls: [location.pathname, ...urls] });
    return await done;
  } catch {
    // No service worker (private mode, an old browser): the page still works online and keeps its queue.
    return false;
  }
}
