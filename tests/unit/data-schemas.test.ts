import { describe, expect, it } from 'vitest';
import { bootOptionSchema, glossarySchema, productSchema, CRITERIA, synonymGroupSchema } from '../../src/schemas/data.ts';

const source = { title: 'xen/arch/x86/acpi/cpu_idle.c', url: 'https://github.com/xen-project/xen' };

describe('data schemas', () => {
  it('accepts a glossary entry and rejects an id that is not kebab-case', () => {
    expect(glossarySchema.parse({ id: 'c-state', term: 'C-state', definition: 'An idle state.', sources: [source] }).articles).toEqual([]);
    const result = glossarySchema.safeParse({ id: 'C State', term: 'C-state', definition: 'x', sources: [source] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/kebab-case/);
  });

  it('checks the area of a boot option', () => {
    const option = { name: 'max_cstate', area: 'power', values: '0–7', default: '7', effect: 'Deepest C-state.', sources: [source] };
    expect(bootOptionSchema.parse(option).name).toBe('max_cstate');
    expect(bootOptionSchema.safeParse({ ...option, area: 'misc' }).error?.issues[0]?.message).toBe(
      '`area` must be one of: power, ras, passthrough, console-memory, platform, security, debug, ia64',
    );
  });

  it('needs a list of sources on a data row, and says so to a row written with one `source`', () => {
    const { sources: _sources, ...row } = { name: 'max_cstate', area: 'power', values: '0–7', default: '7', effect: 'Deepest C-state.', sources: [source] };
    const messages = bootOptionSchema.safeParse({ ...row, source }).error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('add `sources`: a list of { title, url }, one for each file the facts are read from');
    expect(bootOptionSchema.safeParse({ ...row, sources: [] }).error?.issues[0]?.message).toBe('list at least one source under `sources`');
  });

  it('needs every matrix cell, each with a source, and short values', () => {
    const cell = { value: 'Windows and Linux', source };
    const cells = Object.fromEntries(Object.keys(CRITERIA).map((key) => [key, cell]));
    const product = { name: 'VirtualBox', vendor: 'Sun', type: '2', summary: 'A hosted hypervisor.', cells };
    expect(productSchema.parse(product).order).toBe(100);

    const { status: _s, ...missing } = cells;
    const issues = productSchema.safeParse({ ...product, cells: missing }).error?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['cells.status']);

    const long = productSchema.safeParse({ ...product, cells: { ...cells, licence: { value: 'x'.repeat(81), source } } });
    expect(long.error?.issues[0]?.message).toMatch(/under 80 characters/);

    const unsourced = productSchema.safeParse({ ...product, cells: { ...cells, licence: { value: 'GPL' } } });
    expect(unsourced.error?.issues[0]?.path.join('.')).toBe('cells.licence.source');

    expect(productSchema.safeParse({ ...product, type: 2 }).error?.issues[0]?.message).toMatch(/"1", "2" or "hybrid"/);
  });

  it('needs two or more words in a synonym group', () => {
    expect(synonymGroupSchema.safeParse(['cpufreq']).success).toBe(false);
    expect(synonymGroupSchema.parse(['cpufreq', 'P-states'])).toHaveLength(2);
  });
});
