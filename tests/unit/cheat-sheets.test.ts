import { describe, expect, it } from 'vitest';
import { cheatSheet, cheatSheetFor, cheatSheetUrl, meaningLine } from '../../src/lib/cheat-sheets.ts';
import { cheatSheetPageData, sectionPageData } from '../../src/lib/page-data.ts';
import { data, manifest } from './reference-data.ts';

const text = (parts: { text: string } | { code: string }) => ('code' in parts ? `\`${parts.code}\`` : parts.text);

describe('cheat sheets', () => {
  it('list the explained xm commands of each group first, then the others from the source, each linked to its row', () => {
    const sheet = cheatSheet('xm', data, manifest);
    expect(sheet.groups.map((g) => g.heading)).toEqual(['Domains']);
    expect(sheet.groups[0]!.entries.map((e) => [e.usage, e.meaning.map(text).join(''), e.href, e.listed])).toEqual([
      ['xm list [options] [Domain, ...]', 'Lists all domains.', '/reference/xm-commands/#xm-list', false],
      ['xm domid <DomainName>', 'Convert a domain name to domain id.', '/reference/xm-commands/from-source/#xm-domid', true],
    ]);
    expect(sheet.counts).toEqual({ explained: 1, listed: 1 });
    expect(sheet.source.url).toBe(`https://github.com/xen-project/xen/blob/${manifest.tree.commit}/tools/python/xen/xm/main.py`);
  });

  it('give a boot option its example and one sentence, and an unexplained one its kind and initial value, each linked to the page its row is on', () => {
    const [power] = cheatSheet('boot-options', data, manifest).groups;
    expect(power!.heading).toBe('Power management');
    expect(power!.entries.map((e) => [e.usage, e.meaning.map(text).join(''), e.href])).toEqual([
      ['max_cstate=1', 'Caps the deepest C-state.', '/reference/power-management-boot-options/#opt-max-cstate'],
      ['cpuidle_debug', 'Flag; when not given: off.', '/reference/boot-options/from-source/#opt-cpuidle-debug'],
    ]);
  });

  it('write xenpm usage lines from the command and its arguments', () => {
    const [group] = cheatSheet('xenpm', data, manifest).groups;
    expect(group!.entries.map((e) => e.usage)).toEqual(['xenpm get-cpuidle-states [cpuid]', 'xenpm start [seconds]']);
  });

  it('are linked from the article they condense and from the reference section', () => {
    expect(cheatSheetFor('reference/xenpm')).toEqual({ href: '/reference/cheat-sheets/xenpm/', title: 'xenpm cheat sheet' });
    expect(cheatSheetFor('guides/boot-xen')).toBeUndefined();
    expect(sectionPageData('reference', [])[0]!.cheatSheets?.map((s) => s.href)).toEqual([cheatSheetUrl('xm'), cheatSheetUrl('xenpm'), cheatSheetUrl('boot-options')]);
    expect(sectionPageData('guide', [])[0]!.cheatSheets).toBeUndefined();
  });

  it('sit under Reference and Cheat sheets in the breadcrumbs, and need their reference article', () => {
    const sheet = cheatSheet('xenpm', data, manifest);
    const reference = { id: 'reference/xenpm', data: { title: 'xenpm command reference', kind: 'reference' as const, order: 2, topics: [], related: [] } };
    expect(cheatSheetPageData(sheet, [reference]).breadcrumbs.map((c) => c.href)).toEqual(['/', '/reference/', '/reference/cheat-sheets/', undefined]);
    expect(() => cheatSheetPageData(sheet, [])).toThrow('condenses reference/xenpm, which is not a published article');
  });
});

describe('a one-line meaning', () => {
  it('is the first sentence, which may end before a lower-case word or an option', () => {
    expect(meaningLine('Chooses who controls frequency. xen keeps it in the hypervisor.')).toBe('Chooses who controls frequency.');
    expect(meaningLine('Builds a domain from a file. -c attaches to its console.')).toBe('Builds a domain from a file.');
    expect(meaningLine('Logs "I/O virtualisation enabled." Then boots.')).toBe('Logs "I/O virtualisation enabled."');
  });

  it('does not end at an abbreviation, a file name or a version', () => {
    expect(meaningLine('Takes a size, e.g. 512M, from xm.py in 3.4. More.')).toBe('Takes a size, e.g. 512M, from xm.py in 3.4.');
    expect(meaningLine('No full stop at all')).toBe('No full stop at all');
  });
});
