import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { expect, test } from 'vitest';
import { MDX_PLUGIN, mdxCachePlugin, type MdxCacheStats } from '../../src/integrations/mdx-cache.ts';
import { tempFolder } from '../temp-folder.ts';

/**
 * Builds `articles` (virtual .mdx modules, imported by one page) with a stand-in for
 * @astrojs/mdx's compile plugin that counts its calls, and the cache plugin in `dir`.
 * Returns the page's bundled code, what the stand-in compiled, and the cache's own count.
 */
async function buildArticles(dir: string, articles: Record<string, string>, salt = 'setup') {
  const compiledIds: string[] = [];
  const ids = Object.keys(articles);
  const virtual: Plugin = {
    name: 'virtual',
    resolveId: (id) => (id === 'page.js' || id in articles ? `\0${id}` : null),
    load: (id) => {
      if (id === '\0page.js') return ids.map((name, i) => `import a${i} from ${JSON.stringify(name)};`).join('\n') + `\nexport default [${ids.map((_, i) => `a${i}`).join(', ')}];`;
      return id.startsWith('\0') ? (articles[id.slice(1)] ?? null) : null;
    },
  };
  const mdx: Plugin = {
    name: MDX_PLUGIN,
    transform: {
      filter: { id: /\.mdx$/ },
      handler(code, id) {
        compiledIds.push(id.slice(1));
        return { code: `export default ${JSON.stringify(`<p>${code.trim()}</p>`)};`, map: null, meta: { astro: { propagation: 'none' } } };
      },
    },
  };
  const stats: MdxCacheStats = { hits: 0, compiled: 0 };
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [virtual, mdx, mdxCachePlugin(dir, salt, stats)],
    build: { write: false, minify: false, rolldownOptions: { input: 'page.js', preserveEntrySignatures: 'strict' } },
  })) as Rolldown.RolldownOutput;
  return { code: output.output[0].code, compiledIds, stats };
}

function cacheDir(): string {
  const dir = tempFolder('mdx-cache');
  return path.join(dir, 'mdx');
}

test('a second build compiles only the article that changed, and bundles the same code', async () => {
  const dir = cacheDir();
  const first = await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen.', 'cpufreq.mdx': 'Cpufreq.' });
  expect(first.compiledIds.sort()).toEqual(['boot-xen.mdx', 'cpufreq.mdx']);
  expect(first.stats).toEqual({ hits: 0, compiled: 2 });

  const same = await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen.', 'cpufreq.mdx': 'Cpufreq.' });
  expect(same.compiledIds).toEqual([]);
  expect(same.code).toBe(first.code);

  const edited = await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen 3.4.', 'cpufreq.mdx': 'Cpufreq.' });
  expect(edited.compiledIds).toEqual(['boot-xen.mdx']);
  expect(edited.stats).toEqual({ hits: 1, compiled: 1 });
  expect(edited.code).toContain('<p>Boot Xen 3.4.</p>');
  expect(edited.code).toContain('<p>Cpufreq.</p>');
});

test('a change to the setup compiles every article again', async () => {
  const dir = cacheDir();
  await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen.' }, 'setup 1');
  const again = await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen.' }, 'setup 2');
  expect(again.compiledIds).toEqual(['boot-xen.mdx']);
});

test('what no article used in the last build is deleted from the cache', async () => {
  const dir = cacheDir();
  await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen.', 'cpufreq.mdx': 'Cpufreq.' });
  expect(readdirSync(dir)).toHaveLength(2);
  await buildArticles(dir, { 'boot-xen.mdx': 'Boot Xen, edited.' });
  expect(readdirSync(dir)).toHaveLength(1);
});

test('the build fails with a message when @astrojs/mdx no longer has the plugin it wraps', async () => {
  await expect(
    build({ configFile: false, logLevel: 'silent', plugins: [mdxCachePlugin(cacheDir(), 'setup')], build: { write: false, rolldownOptions: { input: 'x.js' } } }),
  ).rejects.toThrow(/no longer has a "@mdx-js\/rolldown" plugin/);
});
