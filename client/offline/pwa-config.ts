// Build-time only (imported by vite.config.ts): the web app manifest and the Workbox service worker.
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/** Fits the app shell's own files only; the precompressed copies beside them (.br, .gz) stay out. */
const SHELL = '**/*.{html,js,css,svg,png,wasm,woff2}';

export function offlineApp(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    // registered from the page's own module (offline/register.ts): no inline script under the CSP
    injectRegister: false,
    registerType: 'autoUpdate',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // the icons are in the precache through SHELL already
    includeManifestIcons: false,
    manifest: {
      name: 'Netwerkkaart',
      short_name: 'Netwerkkaart',
      description: 'Een kaart van de mensen om je heen.',
      lang: 'nl',
      dir: 'ltr',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      // --nk-primary and --nk-bg of styles/global.css
      theme_color: '#1d6b64',
      background_color: '#fbf8f3',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: '/icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      globPatterns: [SHELL],
      // the passphrase-strength dictionaries (2 MB) serve sign-up and recovery, which need the server anyway
      globIgnores: ['**/strength-estimator-*.js'],
      // the crypto worker carries libsodium (a few MB); without it nothing opens offline
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // every page of the app is index.html; the API never is, and no API answer is ever cached
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api(\/|$)/],
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      // one file: the CSP's script-src 'self' covers it, and there is nothing to import at run time
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
}
