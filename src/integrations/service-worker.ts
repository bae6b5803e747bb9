import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

/** Name of the Pagefind integration; the worker must be generated after it wrote the index. */
const PAGEFIND = 'kb:pagefind';

interface Options {
  /** Precache size above which the build warns, in bytes (default 5 MB). */
  budgetBytes?: number;
}

/** Bytes as megabytes with one decimal, for the build log. */
function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Writes dist/sw.js with Workbox after every production build: it precaches every page, asset
 * and the whole Pagefind bundle, so after one online visit the site reads and searches offline.
 * Runs in astro:build:done after the Pagefind integration (Astro awaits integrations' build:done
 * hooks one after another, in config order), and checks that order.
 */
export default function serviceWorkerIntegration({ budgetBytes = 5_000_000 }: Options = {}): AstroIntegration {
  const name = 'kb:service-worker';
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        const names = config.integrations.map((integration) => integration.name);
        const pagefindAt = names.indexOf(PAGEFIND);
        if (pagefindAt < 0 || pagefindAt > names.indexOf(name)) {
          throw new Error(
            `serviceWorker() must come after pagefind() in the integrations of astro.config.mjs: the worker precaches the search index that pagefind() writes.`,
          );
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        if (!existsSync(path.join(site, 'pagefind', 'pagefind-entry.json'))) {
          throw new Error('No search index in the build output: the service worker would precache a site without search. Run pagefind() before serviceWorker().');
        }
        const { count, size, warnings } = await generateSW({
          globDirectory: site,
          globPatterns: ['**/*'],
          // The 404 page is served by the host for unknown URLs and never needed offline; feeds,
          // sitemaps, the Markdown versions of the articles, llms.txt and llms-full.txt and host
          // configuration (_headers) are for machines. The worker is never precached.
          globIgnores: ['sw.js', '404.html', 'rss.xml', 'sitemap-*.xml', '**/*.md', 'llms.txt', 'llms-full.txt', '_headers', '_redirects', '**/*.map'],
          swDest: path.join(site, 'sw.js'),
          mode: 'production',
          sourcemap: false,
          inlineWorkboxRuntime: true,
          // Hashed file names need no revision: the name changes when the content does.
          dontCacheBustURLsMatching: /^(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/,
          // A new build waits until the reader accepts "Reload" (the page posts SKIP_WAITING),
          // so content never changes under someone reading; closing all tabs also activates it.
          skipWaiting: false,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          // Pages are folders: /guides/boot-xen/ is guides/boot-xen/index.html.
          directoryIndex: 'index.html',
          // A static site answers the same whatever the query: ?q= on /search/,
          // ?pagefind-highlight= on results, Pagefind's pagefind-entry.json?ts=… cache buster.
          ignoreURLParametersMatching: [/.*/],
          runtimeCaching: [
            {
              // /guides/boot-xen → /guides/boot-xen/, as the host does, so it hits the precache.
              urlPattern: ({ request, url }) =>
                request.mode === 'navigate' && !url.pathname.endsWith('/') && !/\.[^/]*$/.test(url.pathname),
              handler: async ({ url }) => Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301),
            },
            {
              // Any other page (not part of the site): the network, or the offline page without one.
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkOnly',
              options: { precacheFallback: { fallbackURL: '/offline/index.html' } },
            },
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        const summary = `Offline precache: ${count} files, ${formatMegabytes(size)} (uncompressed)`;
        if (size > budgetBytes) {
          logger.warn(
            `${summary} is over the ${formatMegabytes(budgetBytes)} budget: every reader downloads all of it after the first visit. See "Offline use" in README.md for runtime caching on a larger site.`,
          );
        } else {
          logger.info(summary);
        }
      },
    },
  };
}
