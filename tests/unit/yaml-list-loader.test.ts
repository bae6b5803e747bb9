import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { yamlList } from '../../src/lib/yaml-list-loader.ts';

/** Runs a loader against a minimal stand-in for Astro's loader context. */
async function load(file: string, idOf = (entry: Record<string, unknown>) => String(entry.name)) {
  const stored = new Map<string, unknown>();
  const parsedFrom = new Set<string | undefined>();
  const loader = yamlList(file, idOf);
  await loader.load({
    store: { clear: () => stored.clear(), set: ({ id, data }: { id: string; data: unknown }) => stored.set(id, data) },
    parseData: async ({ data, filePath }: { data: unknown; filePath?: string }) => (parsedFrom.add(filePath), data),
    logger: { debug: () => undefined },
  } as never);
  return Object.assign(stored, { parsedFrom });
}

/** One folder for the YAML files these tests write, removed when they are done. */
const folder = mkdtempSync(path.join(tmpdir(), 'kb-yaml-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let written = 0;

function yamlFile(text: string) {
  const file = path.join(folder, `list-${++written}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('YAML list loader', () => {
  it('stores each entry under the id it picks', async () => {
    const stored = await load(yamlFile('- name: max_cstate\n  area: power\n- name: mce\n  area: ras\n'));
    expect([...stored.keys()]).toEqual(['max_cstate', 'mce']);
    expect(stored.get('mce')).toEqual({ name: 'mce', area: 'ras' });
  });

  it('tells the schema check which file an entry comes from, even outside the project', async () => {
    const file = yamlFile('- name: mce\n');
    expect([...(await load(file)).parsedFrom]).toEqual([file]);
  });

  it('names the file when it is missing, not a list, not YAML, or repeats an entry', async () => {
    await expect(load('/nonexistent/boot-options.yaml')).rejects.toThrow('/nonexistent/boot-options.yaml is missing: create it as a YAML list');
    const notList = yamlFile('name: mce\n');
    await expect(load(notList)).rejects.toThrow(`${notList}: expected a YAML list`);
    const broken = yamlFile('- name: [unclosed\n');
    await expect(load(broken)).rejects.toThrow(`${broken}: not valid YAML`);
    const twice = yamlFile('- name: mce\n- name: mce\n');
    await expect(load(twice)).rejects.toThrow(`${twice}: entry 2 repeats "mce"`);
  });
});
