import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

/**
 * Loads a YAML file that holds a list of entries, giving each the id `idOf` picks, and fails the
 * build naming the file and the entry when something is wrong.
 *
 * Why not Astro's own `file()` loader (astro/loaders, checked against Astro 7.3.5,
 * dist/content/loaders/file.js) with a `parser`:
 *
 * - A broken file does not stop the build. `file()` catches every error from reading or parsing
 *   the file, its `parser`'s included, logs only "Error reading data from <file>" (the YAML
 *   message with its line goes to the debug log) and goes on with an empty collection: a
 *   content/xenpm.yaml with an unclosed `[` built /reference/xenpm/ with an empty table and
 *   `astro build` exited 0. A missing file is logged as "File not found" and also builds. Here
 *   the build stops with `<file>: not valid YAML — <what and where>` or `<file> is missing`.
 * - Ids. For a list, `file()` takes each entry's `id` (or `slug`) field and skips entries without
 *   one. Our entries are named by `name`, `command` or `key` + `guest`; a parser adding an `id`
 *   field would put it into data that strict schemas reject. A parser could instead turn the
 *   list into an object keyed by name, but then a repeated name silently replaces the earlier
 *   entry, and a parser that throws on it is swallowed as above. Here a repeat fails with
 *   `<file>: entry 2 repeats "mce"`.
 * - content/search-synonyms.yaml is a list of plain lists of words; `toData` wraps each one.
 *
 * Schema errors read the same either way: Astro names the collection and the entry's id, and
 * the file, which is passed to `parseData` for that.
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
      // The store wants paths relative to the project; a content folder elsewhere (benchmarks)
      // has none there, but schema errors still name the file by its absolute path.
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
          const data = await parseData({ id, data: toData(entry), filePath: filePath ?? absolute });
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
