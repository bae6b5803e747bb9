import { describe, expect, it } from 'vitest';
import { htmlText, synonymTiers } from '../../src/lib/synonyms.ts';

const groups = [
  ['P-states', 'cpufreq', 'frequency scaling', 'DVFS'],
  ['Dom0', 'domain 0', 'control domain'],
  ['MCE', 'machine check', 'machine-check'],
  ['menu.lst', 'GRUB legacy'],
  ['passthrough', 'passthru'],
];

describe('synonym tiers', () => {
  it('ranks other names by where the page names the thing', () => {
    const tiers = synonymTiers(
      {
        title: 'P-states and cpufreq in Xen 3.4',
        headings: ['Dom0: who drives the frequency', 'Boot options'],
        text: 'Edit menu.lst. Machine checks are elsewhere.',
      },
      groups,
    );
    expect(tiers.title).toEqual(['frequency scaling', 'DVFS']);
    expect(tiers.headings).toEqual(['domain 0', 'control domain']);
    expect(tiers.body).toEqual(['MCE', 'GRUB legacy']);
  });

  it('counts a heading only when it starts with the name', () => {
    const tiers = synonymTiers({ title: 'Boot', headings: ['Hiding the device from Dom0'], text: '' }, groups);
    expect(tiers.headings).toEqual([]);
    expect(tiers.body).toEqual(['domain 0', 'control domain']);
  });

  it('adds nothing the page already says, and nothing for pages about something else', () => {
    expect(synonymTiers({ title: 'Passthrough (passthru)', headings: [], text: '' }, groups).title).toEqual([]);
    expect(synonymTiers({ title: 'Timers', headings: ['Tick alignment'], text: 'vpt_align' }, groups)).toEqual({ title: [], headings: [], body: [] });
  });

  it('ignores case, hyphens and a sentence-ending full stop, but not part of a word', () => {
    expect(synonymTiers({ title: 'x', headings: [], text: 'see MENU.LST.' }, groups).body).toEqual(['GRUB legacy']);
    expect(synonymTiers({ title: 'Machine-check handling', headings: [], text: '' }, groups).title).toEqual(['MCE']);
    expect(synonymTiers({ title: 'Domestic', headings: [], text: 'a superpassthrough mode' }, groups).body).toEqual([]);
    // Underscores separate words: dom0_mem is about Dom0.
    expect(synonymTiers({ title: 'x', headings: [], text: 'dom0_mem=512M' }, groups).body).toEqual(['domain 0', 'control domain']);
  });
});

describe('html text', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    expect(htmlText('<p>Dom0 &amp; <code>xm</code></p><script>var x = "<b>"</script><style>p{}</style>&#8212;&#x41;')).toBe('Dom0 & xm —A');
  });
});
