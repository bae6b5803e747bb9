import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder of the build under test: the one `astro preview` serves. */
export const OUT_DIR = process.env.KB_OUT_DIR ?? 'dist';

/**
 * Every page path listed in the built sitemap (`/`, `/guides/boot-xen/`, …), read when the
 * tests are collected so each page gets its own test.
 */
export function sitemapPaths(): string[] {
  const index = path.join(OUT_DIR, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error(`No ${index}: build the site first (npm run build).`);
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const paths = locs(readFileSync(index, 'utf8')).flatMap((sitemap) =>
    locs(readFileSync(path.join(OUT_DIR, new URL(sitemap).pathname), 'utf8')).map((url) => new URL(url).pathname),
  );
  return [...new Set(paths)].sort();
}
