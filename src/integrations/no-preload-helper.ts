import type { Plugin } from 'vite';
import { stripPreloadWrappers } from '../lib/strip-preload.ts';

/**
 * A Vite plugin that keeps Vite's module-preload helper out of the pages (src/lib/strip-preload.ts
 * says why). Fails the build if a lazily imported chunk has CSS, which only the helper would load.
 */
export function noPreloadHelper(): Plugin {
  /** The chunks that lost their wrappers, by module id (file names are not final yet). */
  const stripped = new Set<string>();
  return {
    name: 'kb:no-preload-helper',
    apply: 'build',
    renderChunk: {
      order: 'post',
      handler(code, chunk) {
        if (this.environment.name !== 'client') return null;
        const result = stripPreloadWrappers(code);
        if (result === null) return null;
        stripped.add(chunk.facadeModuleId ?? chunk.name);
        return { code: result, map: null };
      },
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      // The helper's own chunk, once no chunk imports it any more (it would only be precached).
      for (const helper of chunks.filter((chunk) => /(^|\/)preload-helper\.[\w-]+\.js$/.test(chunk.fileName))) {
        const name = helper.fileName.split('/').pop()!;
        if (!chunks.some((chunk) => chunk !== helper && chunk.code.includes(name))) delete bundle[helper.fileName];
      }
      for (const chunk of chunks) {
        if (!stripped.has(chunk.facadeModuleId ?? chunk.name)) continue;
        for (const target of chunk.dynamicImports) {
          const lazy = bundle[target];
          if (lazy?.type === 'chunk' && lazy.viteMetadata?.importedCss.size) {
            this.error(`${target} is imported lazily by ${chunk.fileName} and has CSS, which only Vite's preload helper would load. Load the CSS with src/client/load-stylesheet.ts instead.`);
          }
        }
      }
    },
  };
}
