import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { afterEach, expect, test } from 'vitest';
import pagefindIntegration from '../../src/integrations/pagefind.ts';

type Hooks = ReturnType<typeof pagefindIntegration>['hooks'];

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as AstroIntegrationLogger;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const article = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><article data-pagefind-body><h1>${title}</h1><p>The ${title} page explains cpufreq.</p></article></body></html>`;

/**
 * Runs the integration's build hooks around a stand-in for Astro's prerenderer, which answers
 * each path with `pages[path]`; returns the output folder, the pages as rendered, and the
 * promise of astro:build:done for the pages Astro says it wrote.
 */
async function build(pages: Record<string, string>, written = Object.keys(pages)) {
  const hooks: Hooks = pagefindIntegration().hooks;
  const out = mkdtempSync(path.join(tmpdir(), 'kb-pagefind-'));
  folders.push(out);
  let prerenderer: AstroPrerenderer | undefined;
  const base: AstroPrerenderer = {
    name: 'stand-in',
    getStaticPaths: async () => [],
    render: async (request) => {
      const html = pages[new URL(request.url).pathname]!;
      return new Response(html, { headers: { 'Content-Type': 'text/html' } });
    },
  };
  await hooks['astro:build:start']!({
    logger,
    setPrerenderer: (set) => {
      prerenderer = typeof set === 'function' ? set(base) : set;
    },
  });
  const rendered: string[] = [];
  for (const url of Object.keys(pages)) {
    const response = await prerenderer!.render(new Request(`http://localhost${url}`), { routeData: {} as never });
    rendered.push(await (response instanceof Response ? response : response.response).text());
  }
  const done = hooks['astro:build:done']!({
    dir: pathToFileURL(`${out}/`),
    pages: written.map((url) => ({ pathname: url.replace(/^\//, '') })),
    assets: new Map(),
    logger,
  });
  return { out, rendered, done };
}

test('every page Astro renders reaches the index unchanged, and the index is written at the end', async () => {
  const pages = { '/guides/boot-xen/': article('Boot Xen'), '/features/cpufreq/': article('Cpufreq') };
  const { out, rendered, done } = await build(pages);
  expect(rendered).toEqual(Object.values(pages));
  await done;
  expect(existsSync(path.join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  expect(readdirSync(path.join(out, 'pagefind', 'fragment'))).toHaveLength(2);
});

test('a page Astro wrote without rendering it fails the build, as search would miss it', async () => {
  const { done } = await build({ '/guides/boot-xen/': article('Boot Xen') }, ['/guides/boot-xen/', '/guides/restored/']);
  await expect(done).rejects.toThrow(/did not see 1 page.*\/guides\/restored\//);
});
