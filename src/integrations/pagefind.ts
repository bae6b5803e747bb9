import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/**
 * Writes the Pagefind index of the built site into dist/pagefind/ after every production
 * build, and in `astro dev` serves the index of the last production build so search works
 * while writing.
 *
 * The pages reach Pagefind as Astro renders them, not from dist/ afterwards: the integration
 * wraps Astro's prerenderer (the `setPrerenderer` of `astro:build:start`), hands each finished
 * HTML page to Pagefind's own process and returns it unchanged for Astro to write. Pagefind reads
 * pages on the machine's other core while Astro renders the next ones, and only writing the
 * index is left for `astro:build:done`, which is also the only time it writes into dist/.
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let indexer: ReturnType<typeof streamingIndex> | undefined;
  return {
    name: 'kb:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = path.join(outDir, 'pagefind');
        if (!existsSync(bundle)) {
          logger.warn('No search index yet: run `npm run build` once, then search works in dev too.');
        }
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          if (!url.startsWith('/pagefind/')) return next();
          const file = path.join(outDir, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
          if (!file.startsWith(bundle) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((base) => {
          indexer = streamingIndex();
          return { ...base, name: 'kb:pagefind', render: indexer.wrap(base.render.bind(base)) };
        });
      },
      'astro:build:done': async ({ dir, pages: built, logger }) => {
        if (!indexer) throw new Error('Pagefind saw no page: another integration replaced the prerenderer that feeds it.');
        try {
          const { index, pages } = await indexer.finish(built.map(({ pathname }) => pathname));
          const written = await index.writeFiles({ outputPath: path.join(fileURLToPath(dir), 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Search index: ${pages} pages`);
        } finally {
          indexer = undefined;
          await pagefind.close();
        }
      },
    },
  };
}

/** Pages Astro may render ahead of Pagefind before rendering waits for it to catch up. */
const AHEAD = 32;

type Render = AstroPrerenderer['render'];

/**
 * A Pagefind index fed with each page as it is rendered. wrap() turns Astro's render function
 * into one that also sends every HTML page to the index; finish() waits for the index to read
 * them all and fails, naming the page, if it could not.
 */
function streamingIndex() {
  const started = pagefind.createIndex({
    // Code frames label themselves "Terminal window" for screen readers and carry a copy button,
    // and "#" links to headings and glossary entries are decoration; none of it is article text.
    // (Pagefind already skips svg and form elements.)
    excludeSelectors: ['.expressive-code .sr-only', '.expressive-code .copy', '.heading-anchor'],
  });
  const pending = new Set<Promise<void>>();
  /** Every page rendered, HTML or not, by pagePath(). */
  const rendered = new Set<string>();
  const problems: string[] = [];
  let pages = 0;

  const add = (url: string, content: string) => {
    const added: Promise<void> = started
      .then(({ index, errors }) => {
        if (!index) throw new Error(errors.join('; '));
        return index.addHTMLFile({ url, content });
      })
      .then(({ errors }) => {
        if (errors.length) problems.push(`${url}: ${errors.join('; ')}`);
        else pages++;
      })
      .catch((error: unknown) => {
        problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => pending.delete(added));
    pending.add(added);
    return added;
  };

  return {
    wrap(render: Render): Render {
      return async (request, options) => {
        const result = await render(request, options);
        rendered.add(pagePath(new URL(request.url).pathname));
        const response = result instanceof Response ? result : result.response;
        if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return result;
        const html = await response.text();
        // The URL Pagefind would give the file Astro writes: "/guides/boot-xen/" for
        // guides/boot-xen/index.html (the site's pages are folders, trailingSlash 'always').
        const added = add(new URL(request.url).pathname, html);
        if (pending.size > AHEAD) await added;
        const page = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
        return result instanceof Response ? page : { ...result, response: page };
      };
    },
    /** Waits for the index to read every page; `built` is every page Astro wrote (its page names). */
    async finish(built: readonly string[]) {
      const { index, errors } = await started;
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      // A page Astro wrote without rendering it (restored from a build cache) never reached the
      // index, and search would not find it.
      const unseen = built.filter((name) => !rendered.has(pagePath(name)));
      if (unseen.length) {
        throw new Error(
          `Pagefind did not see ${unseen.length} page(s) that Astro wrote without rendering them (restored from a build cache?), so search would miss them: /${unseen.slice(0, 5).join(', /')}`,
        );
      }
      while (pending.size) await Promise.all(pending);
      if (problems.length) throw new Error(`Pagefind could not index these pages:\n  ${problems.join('\n  ')}`);
      return { index, pages };
    },
  };
}

/** A page's path without slashes at either end or index.html: "guides/boot-xen" ("" for home). */
function pagePath(pathname: string): string {
  return pathname.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '').replace(/^\/+|\/+$/g, '');
}
