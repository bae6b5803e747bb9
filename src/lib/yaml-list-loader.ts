import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

/**
 * Loads a YAML file that holds a list of entries, giving each the id `idOf` picks. Unlike
 * Astro's file() loader it does not need an `id` field, and it names the file and the entry
 * when something is wrong.
 */
export function yamlList(
  file: string,
  idOf: (entry: Record<string, unknown>, index: number) => string,
  toData: (entry: unknown) => Record<string, unknown> = (entry) => entry as Record<string, unknown>,
): Loader {
  return {
    name: 'yaml-list',
    load: async ({ store, parseData, watcher, logger }) => {
      const absolute = path.resolve(file);
      // Astro wants paths relative to the project; a content folder elsewhere (benchmarks) has none.
      const relative = path.relative(process.cwd(), absolute);
      const filePath = relative.startsWith('..') ? undefined : relative;
      const sync = async () => {
        let raw: unknown;
        let source: string;
        try {
          source = await readFile(absolute, 'utf8');
        } catch {
          throw new Error(`${file} is missing: create it as a YAML list (one "- " entry per item).`);
        }
        try {
          raw = parse(source);
        } catch (error) {
          throw new Error(`${file}: not valid YAML — ${(error as Error).message}`);
        }
        if (!Array.isArray(raw)) throw new Error(`${file}: expected a YAML list (lines starting with "- ")`);
        store.clear();
        const seen = new Set<string>();
        for (const [index, entry] of raw.entries()) {
          const id = idOf(entry as Record<string, unknown>, index);
          if (seen.has(id)) throw new Error(`${file}: entry ${index + 1} repeats "${id}" — every entry needs its own name`);
          seen.add(id);
          const data = await parseData({ id, data: toData(entry), ...(filePath && { filePath }) });
          store.set({ id, data, ...(filePath && { filePath }) });
        }
        logger.debug(`${file}: ${raw.length} entries`);
      };
      await sync();
      watcher?.add(absolute);
      watcher?.on('change', async (changed) => {
        if (path.resolve(changed) === absolute) await sync();
      });
    },
  };
}
