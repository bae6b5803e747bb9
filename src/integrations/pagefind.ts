import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** The Pagefind options of the site's index. */
const INDEX_OPTIONS = {
  // Code frames label themselves "Terminal window" for screen readers and carry a copy button,
  // and "#" links to headings and glossary entries are decoration; none of it is article text.
  // (Pagefind already skips svg and form elements.)
  excludeSelectors: ['.expressive-code .sr-only', '.expressive-code .copy', '.heading-anchor'],
};

/**
 * Writes the Pagefind index of a built site into its pagefind/ folder: `npm run build` runs it
 * after Astro, in a process of its own (scripts/after-build.ts). Pagefind reads every HTML file
 * and indexes the pages with `data-pagefind-body`. Returns the number of pages it read.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * In `astro dev`, serves the Pagefind index of the last production build, so that search works
 * while writing. (The build writes the index after Astro: writeSearchIndex.)
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
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
    },
  };
}
