import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { htmlText, synonymTiers, type SynonymTiers } from '../../src/lib/synonyms.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

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

type Page = Parameters<typeof synonymTiers>[0];
type Groups = Parameters<typeof synonymTiers>[1];

/** synonymTiers as it was before it looked names up in a set: a substring search for each form. */
function referenceTiers(page: Page, groups: Groups): SynonymTiers {
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const words = (text: string) => ` ${normalise(text).replace(/\.+(?= |$)|(?<=^| )\.+/g, '')} `;
  const forms = (word: string) => [` ${normalise(word)} `, ` ${normalise(word)}s `, ` ${normalise(word)}es `];
  const mentions = (haystack: string, word: string) => forms(word).some((form) => haystack.includes(form));
  const startsWith = (heading: string, word: string) => forms(word).some((form) => heading.startsWith(form));
  const title = words(page.title);
  const headings = page.headings.map(words);
  const allHeadings = headings.join('');
  const all = `${title}${allHeadings}${words(page.text)}`;
  const tiers: SynonymTiers = { title: [], headings: [], body: [] };
  const seen = new Set<string>();
  for (const group of groups) {
    const tier = group.some((w) => mentions(title, w))
      ? { found: title, into: tiers.title }
      : group.some((w) => headings.some((heading) => startsWith(heading, w)))
        ? { found: allHeadings, into: tiers.headings }
        : group.some((w) => mentions(all, w))
          ? { found: all, into: tiers.body }
          : undefined;
    if (!tier) continue;
    for (const word of group) {
      const key = normalise(word);
      if (seen.has(key) || mentions(tier.found, word)) continue;
      seen.add(key);
      tier.into.push(word);
    }
  }
  return tiers;
}

describe('synonym tiers against a substring search', () => {
  const realGroups = parseYaml(readFileSync('content/search-synonyms.yaml', 'utf8')) as string[][];
  /** The pages and groups on which synonymTiers and the reference disagree. */
  const disagreements = (cases: readonly (readonly [Page, Groups])[]) =>
    cases.flatMap(([page, groups]) => {
      const found = synonymTiers(page, groups);
      const expected = referenceTiers(page, groups);
      return isDeepStrictEqual(found, expected) ? [] : [{ page, groups, found, expected }];
    });

  it('agrees on plurals, names of several words, punctuation and names with no letters', () => {
    const edgeGroups = [
      ...groups,
      ['machine check exception', 'MCE'],
      ['box', 'crate'],
      ['.net', 'dotnet'],
      ['—', 'dash'],
      ['s', 'es'],
      ['a.b.', 'ab'],
    ];
    const pages = [
      { title: 'Machine checks', headings: [], text: '' },
      { title: 'Boxes and crates', headings: ['Dom0s'], text: 'passthroughes' },
      { title: 'Boxs', headings: ['Domain 0es: notes'], text: 'machine-check exceptions' },
      { title: 'domain', headings: ['0 and more'], text: 'check' }, // a name never spans two parts
      { title: 'x', headings: [], text: 'domain, 0 then domain. 0 then domain . 0 then domain ... 0' },
      { title: 'x', headings: [], text: 'machine\ncheck\texception; MACHINE—CHECK—EXCEPTIONS' },
      { title: '... .net a.b. menu.lst.', headings: ['.', '', '—'], text: '' },
      { title: '', headings: [], text: '' },
      { title: 'x', headings: [], text: 's es' },
      { title: 'Dotnet', headings: ['DVFS governors', 'P-states'], text: 'cpufreq cpufreqs cpufreqes DVFSes' },
      { title: 'ΟΔΟΣ οδοσ', headings: ['İstanbul'], text: 'istanbul i̇stanbul' },
    ];
    expect(disagreements(pages.flatMap((page) => [[page, edgeGroups] as const, [page, realGroups] as const]))).toEqual([]);
  });

  it('agrees on thousands of made-up pages and groups', () => {
    const random = seededRandom(34);
    const tokens = (
      'dom0 domain 0 machine check checks exception menu.lst MENU.LST. grub legacy s es type II P-states p states ' +
      'cpufreq cpufreqs cpufreqes Éclair ΟΔΟΣ vt-d vt d .net a.b a..b boxes box'
    ).split(' ');
    const separators = [' ', ' ', ' ', '  ', '-', '_', '.', '. ', ' . ', ', ', '; ', ' — ', '...', '/', '\n'];
    const phrase = (min: number, max: number) =>
      random
        .some(min, max, () => random.pick(tokens))
        .map((token, at) => `${at ? random.pick(separators) : ''}${token}`)
        .join('');
    const name = () =>
      random.pick([
        () => phrase(1, 4),
        () => `${phrase(1, 3)}${random.pick(['s', 'es', '.', ''])}`,
        () => random.pick(['—', '-', '...', '.x.']),
      ])();
    const cases = Array.from({ length: 2000 }, () => {
      const page = { title: phrase(0, 6), headings: random.some(0, 4, () => phrase(0, 6)), text: phrase(0, 40) };
      return [page, random.next() < 0.8 ? random.some(1, 6, () => random.some(2, 4, name)) : realGroups] as const;
    });
    expect(disagreements(cases)).toEqual([]);
  });
});

describe('html text', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    expect(htmlText('<p>Dom0 &amp; <code>xm</code></p><script>var x = "<b>"</script><style>p{}</style>&#8212;&#x41;')).toBe('Dom0 & xm —A');
  });
});
