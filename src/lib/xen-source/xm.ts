import type { Literal, ManifestXmCommand } from '../../schemas/xen-manifest.ts';
import { lineAt } from './boot-options.ts';
import { assignment, type PyValue } from './python-literal.ts';
import type { SourceTree } from './tree.ts';

export const XM_MAIN = 'tools/python/xen/xm/main.py';

/** The `xm help` groups, in the order main.py lists them. */
const GROUPS = ['domain', 'host', 'scheduler', 'device', 'vnet', 'acm'] as const;

type Dict = [PyValue, PyValue, number][];

function dictOf(source: string, name: string): Dict {
  const found = assignment(source, name);
  if (!found || !('dict' in found.value)) throw new Error(`${XM_MAIN}: no dict ${name}`);
  return found.value.dict;
}

const keyOf = (key: PyValue) => ('literal' in key && typeof key.literal === 'string' ? key.literal : undefined);
const literalOf = (value: PyValue): Literal | undefined => ('literal' in value ? value.literal : undefined);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every xm subcommand main.py dispatches (its `commands` table, the commands it hands to
 * create.py and friends, and the deprecated aliases), with the usage and options `xm help`
 * prints for it.
 */
export function extractXm(tree: SourceTree): ManifestXmCommand[] {
  const source = tree.read(XM_MAIN);
  const help = new Map<string, { args: string; summary: string; offset: number }>();
  for (const [key, value, offset] of dictOf(source, 'SUBCOMMAND_HELP')) {
    const name = keyOf(key);
    const pair = literalOf(value);
    if (name && Array.isArray(pair) && pair.length === 2) {
      help.set(name, { args: oneLine(String(pair[0])), summary: oneLine(String(pair[1])), offset });
    }
  }
  const options = new Map<string, ManifestXmCommand['options']>();
  for (const [key, value] of dictOf(source, 'SUBCOMMAND_OPTIONS')) {
    const name = keyOf(key);
    const rows = literalOf(value);
    if (!name || !Array.isArray(rows)) continue;
    options.set(
      name,
      rows.filter(Array.isArray).map((row) => ({ short: String(row[0] ?? ''), long: String(row[1] ?? ''), help: oneLine(String(row[2] ?? '')) })),
    );
  }
  const groupOf = new Map<string, string>();
  for (const group of GROUPS) {
    const list = assignment(source, `${group}_commands`);
    const names = list && literalOf(list.value);
    if (Array.isArray(names)) for (const name of names) if (!groupOf.has(String(name))) groupOf.set(String(name), group);
  }

  const dispatched = new Map<string, number>();
  for (const [key, , offset] of dictOf(source, 'commands')) {
    const name = keyOf(key);
    if (name) dispatched.set(name, offset);
  }
  const imported = assignment(source, 'IMPORTED_COMMANDS');
  const importedNames = imported ? literalOf(imported.value) : undefined;
  if (Array.isArray(importedNames)) {
    for (const name of importedNames) if (!dispatched.has(String(name))) dispatched.set(String(name), imported!.offset);
  }

  const commands: ManifestXmCommand[] = [...dispatched.entries()].map(([name, offset]) => {
    const entry = help.get(name);
    return {
      name,
      file: XM_MAIN,
      line: lineAt(source, entry?.offset ?? offset),
      args: entry?.args ?? null,
      summary: entry?.summary ?? null,
      options: options.get(name) ?? [],
      group: groupOf.get(name) ?? null,
    };
  });
  // Commands main.py answers itself rather than through the table (`xm help`).
  for (const [name, entry] of help) {
    if (!dispatched.has(name) && source.includes(`cmd == '${name}'`)) {
      commands.push({ name, file: XM_MAIN, line: lineAt(source, entry.offset), args: entry.args, summary: entry.summary, options: options.get(name) ?? [], group: groupOf.get(name) ?? null });
    }
  }
  const aliases = assignment(source, 'aliases');
  if (aliases && 'dict' in aliases.value) {
    for (const [key, value, offset] of aliases.value.dict) {
      const name = keyOf(key);
      const target = literalOf(value);
      if (!name || typeof target !== 'string') continue;
      commands.push({ name, file: XM_MAIN, line: lineAt(source, offset), args: null, summary: null, options: [], group: null, aliasOf: target });
    }
  }
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}
