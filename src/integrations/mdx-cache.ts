/**
 * Keeps what @astrojs/mdx compiles, so that a build compiles again only the articles that
 * changed since the last one.
 *
 * Why: every article is a module that @astrojs/mdx compiles (MDX, then Expressive Code's
 * highlighting) on every build, and Vite has no cache between builds. A 1,000-article build
 * spends several seconds of its server bundle on it. The compiled module depends only on the
 * file and on how MDX is set up, so this plugin stores it under Astro's cacheDir, keyed by a
 * hash of the file's path and text and of the setup (`SETUP_FILES`: the Astro config, the
 * Expressive Code plugins, the installed packages). @astrojs/mdx has no cache of its own, so its
 * compile hook is wrapped.
 *
 * Only in `astro build`; entries that no article used in a build are deleted after it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { hashOf, hashOfParts } from '../lib/file-hash.ts';
import { keptFiles } from '../lib/kept-files.ts';

/** The plugin of @astrojs/mdx that compiles an .mdx file to JavaScript. */
export const MDX_PLUGIN = '@mdx-js/rolldown';

/** Files of the project that change what MDX compiles to (folders: every file inside). */
export const SETUP_FILES = ['astro.config.mjs', 'package-lock.json', 'src/integrations'];

interface Compiled {
  code: string;
  map?: unknown;
  meta?: unknown;
}
type Compile = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<Compiled | null | undefined>;

/** What the cache did in a build: articles taken from it, and compiled. */
export interface MdxCacheStats {
  hits: number;
  compiled: number;
}

/**
 * The Vite plugin: wraps @astrojs/mdx's compile hook with a cache in `dir`. `report` is told
 * what the cache did once a build has compiled its articles.
 */
export function mdxCachePlugin(dir: string, salt: string, stats: MdxCacheStats = { hits: 0, compiled: 0 }, report?: (stats: MdxCacheStats) => void): Plugin {
  const wrapped = new WeakSet<object>();
  let files: ReturnType<typeof keptFiles> | undefined;
  return {
    name: 'kb:mdx-cache',
    apply: 'build',
    configResolved(config) {
      const hook = config.plugins.find((plugin) => plugin.name === MDX_PLUGIN)?.transform;
      if (!hook || typeof hook === 'function' || !('handler' in hook)) {
        throw new Error(`kb:mdx-cache: @astrojs/mdx no longer has a "${MDX_PLUGIN}" plugin with a transform handler; update src/integrations/mdx-cache.ts for it.`);
      }
      if (wrapped.has(hook)) return;
      wrapped.add(hook);
      const compile = hook.handler as unknown as Compile;
      const kept = (files = keptFiles(dir, '.json'));
      (hook as { handler: Compile }).handler = async function (code, id, ...rest) {
        const key = hashOfParts(salt, id, code);
        const text = kept.read(key);
        if (text !== undefined) {
          try {
            const cached = JSON.parse(text) as Compiled;
            stats.hits++;
            return cached;
          } catch {
            // Unreadable: compile it again.
          }
        }
        const result = await compile.call(this, code, id, ...rest);
        stats.compiled++;
        if (result) kept.write(key, JSON.stringify({ code: result.code, map: result.map ?? null, meta: result.meta }));
        return result;
      };
    },
    buildEnd(error) {
      // Only after a build that compiled articles: the client build runs this hook too.
      if (error || !files?.used) return;
      files.prune();
      report?.(stats);
    },
  };
}

/** The integration: the plugin, with its cache in `<cacheDir>/mdx` and the project's setup hash. */
export default function mdxCache(): AstroIntegration {
  return {
    name: 'kb:mdx-cache',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const dir = path.join(fileURLToPath(config.cacheDir), 'mdx');
        const report = ({ hits, compiled }: MdxCacheStats) => logger.info(`${compiled} MDX files compiled, ${hits} unchanged ones taken from the cache`);
        updateConfig({ vite: { plugins: [mdxCachePlugin(dir, hashOf(fileURLToPath(config.root), SETUP_FILES), undefined, report)] } });
      },
    },
  };
}
