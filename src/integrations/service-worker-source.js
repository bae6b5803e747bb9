/**
 * The offline service worker's source. writeServiceWorker() (service-worker.ts) bundles it with
 * Workbox's modules (esbuild, which replaces OFFLINE with this build's mode, caches and offline
 * page), then Workbox's injectManifest() puts the files to precache where self.__WB_MANIFEST
 * stands. Plain JavaScript for the worker's global scope, which the site's TypeScript (DOM types)
 * does not describe.
 */
/* global OFFLINE */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheFallbackPlugin, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';

// What only this mode does: answer the page's GET_OFFLINE_MODE, clear or refresh the runtime caches.
importScripts(OFFLINE.modeScript);

// A new build waits until the reader accepts "Reload" (the page posts SKIP_WAITING), so content
// never changes under someone reading; closing all tabs also activates it.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});
clientsClaim();

// Pages are folders (/guides/boot-xen/ is guides/boot-xen/index.html), and a static site answers
// the same whatever the query: ?q= on /search/, ?pagefind-highlight= on results, Pagefind's
// pagefind-entry.json?ts=… cache buster.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// /guides/boot-xen → /guides/boot-xen/, as the host does, so it hits the precache or the saved page.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && !url.pathname.endsWith('/') && !/\.[^/]*$/.test(url.pathname),
  async ({ url }) => Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301),
);

const offlinePage = new PrecacheFallbackPlugin({ fallbackURL: OFFLINE.offlinePage });
const navigation = ({ request }) => request.mode === 'navigate';
const onlyComplete = new CacheableResponsePlugin({ statuses: [200] });

if (OFFLINE.mode === 'everything') {
  // Any other page (not part of the site): the network, or the offline page without one.
  registerRoute(navigation, new NetworkOnly({ plugins: [offlinePage] }));
} else {
  // Pages: the saved copy at once when there is one, refreshed from the network in the background
  // (as the precached site, a new build arrives through "New content available" and then
  // refreshes every saved page); from the network, and saved, when there is none; the offline
  // page for one never opened. One saved copy per page: /guides/boot-xen/?pagefind-highlight=xenpm
  // is /guides/boot-xen/.
  registerRoute(
    navigation,
    new StaleWhileRevalidate({
      cacheName: OFFLINE.caches.pages,
      plugins: [
        new ExpirationPlugin({ maxEntries: OFFLINE.limits.pages, purgeOnQuotaError: true }),
        onlyComplete,
        offlinePage,
        { cacheKeyWillBeUsed: async ({ request }) => request.url.split('?')[0] },
      ],
    }),
  );
  // The text of search results (Pagefind's fragments): their names change with their content.
  registerRoute(
    ({ url }) => url.pathname.startsWith('/pagefind/fragment/'),
    new CacheFirst({
      cacheName: OFFLINE.caches.searchDetails,
      plugins: [new ExpirationPlugin({ maxEntries: OFFLINE.limits.searchDetails, purgeOnQuotaError: true }), onlyComplete],
    }),
  );
  // Images that articles show (public/images/), kept with the pages that use them.
  registerRoute(
    ({ request, sameOrigin }) => sameOrigin && request.destination === 'image',
    new StaleWhileRevalidate({
      cacheName: OFFLINE.caches.images,
      plugins: [new ExpirationPlugin({ maxEntries: OFFLINE.limits.images, purgeOnQuotaError: true }), onlyComplete],
    }),
  );
}
