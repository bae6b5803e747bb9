import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, expect, test } from 'vitest';
import pagefindIntegration from '../../src/integrations/pagefind.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const page = (title: string, body: boolean) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><article${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>The ${title} page explains cpufreq.</p></article></body></html>`;

/** Runs the integration's astro:build:done on a built site made of these pages; returns its log. */
async function build(pages: Record<string, string>) {
  const out = mkdtempSync(path.join(tmpdir(), 'kb-pagefind-'));
  folders.push(out);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), html);
  }
  const log: string[] = [];
  const logger = { info: (line: string) => log.push(line), warn: () => {}, error: () => {}, debug: () => {} } as unknown as AstroIntegrationLogger;
  await pagefindIntegration().hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), pages: [], assets: new Map(), logger });
  return { out, log };
}

test('the built pages with an article body are indexed into dist/pagefind/', async () => {
  const { out, log } = await build({
    'guides/boot-xen/index.html': page('Boot Xen', true),
    'features/cpufreq/index.html': page('Cpufreq', true),
    '404.html': page('Not found', false),
  });
  expect(existsSync(path.join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  // One fragment per indexed page: the 404 page has no data-pagefind-body, so it is left out.
  expect(readdirSync(path.join(out, 'pagefind', 'fragment'))).toHaveLength(2);
  expect(log).toEqual(['Search index: 3 pages read (those with data-pagefind-body are indexed)']);
});
