/**
 * Registers the service worker (sw.js, made by Workbox at build time) that keeps the app shell for
 * offline use. It caches no API answer; the maps offline are ciphertext in IndexedDB (map-cache.ts).
 */
export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // the dev server (npx vite) has no sw.js: only the built app registers one
  if (location.port === '5173') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // without it the app still works online; offline, the browser says it cannot connect
    });
  });
}
