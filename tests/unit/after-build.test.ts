import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/pagefind.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { tempFolder } from '../temp-folder.ts';

const page = (title: string, body: boolean) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><article${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>The ${title} page explains cpufreq.</p></article></body></html>`;

/** A built site made of these files. */
function site(files: Record<string, string>): string {
  return tempFolder('pagefind', files);
}

test('the built pages with an article body are indexed into pagefind/', async () => {
  const out = site({
    'guides/boot-xen/index.html': page('Boot Xen', true),
    'features/cpufreq/index.html': page('Cpufreq', true),
    '404.html': page('Not found', false),
  });
  expect(await writeSearchIndex(out)).toBe(3);
  expect(existsSync(path.join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  // One fragment per indexed page: the 404 page has no data-pagefind-body, so it is left out.
  expect(readdirSync(path.join(out, 'pagefind', 'fragment'))).toHaveLength(2);
});

test('the service worker is refused for a site without its search index', async () => {
  const out = site({ 'index.html': page('Home', false) });
  await expect(writeServiceWorker(out)).rejects.toThrow(/No search index in .*: the service worker would precache a site without search/);
  expect(existsSync(path.join(out, 'sw.js'))).toBe(false);
});

/** Runs scripts/after-build.ts on a built site, as `npm run build` does after Astro. */
const afterBuild = (out: string) =>
  spawnSync(process.execPath, ['scripts/after-build.ts'], { encoding: 'utf8', env: { ...process.env, KB_OUT_DIR: out, KB_STEP_MARKS: '' } });

test('npm run build ends by writing the search index, then the service worker that precaches it', () => {
  const out = site({ 'index.html': page('Home', false), 'guides/boot-xen/index.html': page('Boot Xen', true) });
  const run = afterBuild(out);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/✓ Search index: 2 pages read, those with data-pagefind-body indexed \(\d+\.\d s\)\./);
  expect(run.stdout).toMatch(/✓ Offline: the whole site is precached, \d+ files/);
  const worker = readFileSync(path.join(out, 'sw.js'), 'utf8');
  expect(worker).toContain('pagefind/pagefind-entry.json');
});

test('without a build it says to run npm run build', () => {
  const run = afterBuild(path.join(tmpdir(), 'kb-no-such-build'));
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/No built site in .*kb-no-such-build: run `npm run build`/);
});
