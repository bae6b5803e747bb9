import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures.ts';
import { OUT_DIR } from './sitemap.ts';

/**
 * The build's own output, read from dist/: proofs that build-time choices hold in what ships.
 */

const files = (extension: string) =>
  readdirSync(OUT_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => ({ file, text: readFileSync(path.join(OUT_DIR, file), 'utf8') }));

test("Vite's module-preload helper is in no script and loaded by no page (src/integrations/no-preload-helper.ts)", () => {
  const scripts = files('.js').filter(({ file }) => file.startsWith('_astro'));
  expect(scripts.length).toBeGreaterThan(3);
  for (const { file, text } of scripts) {
    expect(file, 'no preload-helper chunk').not.toMatch(/preload-helper/);
    expect(text, `${file} calls no __vitePreload`).not.toMatch(/__vitePreload|__VITE_PRELOAD__/);
  }
  const pages = files('.html');
  expect(pages.length).toBeGreaterThan(40);
  for (const { file, text } of pages) {
    expect(text, `${file}: no modulepreload link`).not.toMatch(/rel="modulepreload"/);
    expect(text, `${file}: no preload-helper script`).not.toMatch(/preload-helper/);
  }
});
