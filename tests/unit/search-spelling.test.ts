import { describe, expect, it } from 'vitest';
import { KNOWN_BUCKET_IDS, allKnown, bucketOf, buildVocabulary, correctQuery, correctWord, countVocabulary, editDistance, knownBucket, knownBuckets, knownBucketsFor, matchesAsIs, queryWords, rankVocabulary, vocabulary, wordsOf } from '../../src/lib/spelling.ts';
import { answersFit, bucketNames, NAME_BUCKET_IDS, exactAnswers, nameBucket, oneLine, parseNameQuery, type NameEntry } from '../../src/lib/name-index.ts';

const TEXTS = [
  'PCI passthrough needs VT-d. Passthrough of a device uses pciback and the IOMMU.',
  'Set cpufreq=xen:ondemand; the cpufreq governor and xenpm set-max-cstate control power.',
  'Booting Xen with GRUB: boot options on the kernel line. max_cstate caps C-states. Commit 20a0b3ef15.',
];
const vocab = buildVocabulary(TEXTS);
const lookup = (bucket: string) => (vocab[bucket] ? vocabulary(vocab[bucket]) : undefined);

describe('the vocabulary', () => {
  it('keeps names whole and in parts, lower-cased, most frequent first, by first letter', () => {
    expect(wordsOf('Set max_cstate via set-max-cstate')).toEqual(['set', 'max_cstate', 'max', 'cstate', 'via', 'set-max-cstate', 'set', 'max', 'cstate']);
    expect(vocab.p![0]).toBe('passthrough');
    expect(vocab.c).toContain('cpufreq');
    expect(vocab.m).toContain('max_cstate');
    expect(vocab.s).toContain('set-max-cstate');
    expect(bucketOf('9p')).toBe('0');
  });

  it('leaves out commit ids, numbers and versions', () => {
    const all = Object.values(vocab).flat();
    expect(all).not.toContain('20a0b3ef15');
    expect(all.some((word) => /^\d/.test(word))).toBe(false);
  });

  it('counts texts one at a time as it counts them all at once', () => {
    const counts = new Map<string, number>();
    for (const text of TEXTS) countVocabulary(counts, text);
    expect(rankVocabulary(counts)).toEqual(vocab);
    expect(rankVocabulary(counts, 3)).toEqual(buildVocabulary(TEXTS, 3));
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit', () => {
    expect(editDistance('pasthrough', 'passthrough', 2)).toBe(1);
    expect(editDistance('cpufrq', 'cpufreq', 2)).toBe(1);
    expect(editDistance('cpufrqe', 'cpufreq', 2)).toBe(1);
    expect(editDistance('xenmp', 'xenpm', 2)).toBe(1);
    expect(editDistance('iommu', 'passthrough', 2)).toBe(3);
  });
});

describe('correcting a query', () => {
  it('corrects a word the site does not have to the closest one it has', () => {
    expect(correctQuery('pasthrough', lookup)).toEqual({ query: 'passthrough', corrected: true });
    expect(correctQuery('cpufrq governor', lookup)).toEqual({ query: 'cpufreq governor', corrected: true });
    expect(correctQuery('PCI pasthru', lookup).corrected).toBe(false); // too far: no guess
  });

  it('leaves alone what Pagefind finds as it is: known words, prefixes, endings, short words', () => {
    expect(correctWord('passthrough', vocabulary(vocab.p!))).toBeUndefined();
    expect(correctWord('passth', vocabulary(vocab.p!))).toBeUndefined(); // still typing
    expect(correctWord('boots', vocabulary(vocab.b!))).toBeUndefined(); // boot + s
    expect(correctWord('pcix', vocabulary(vocab.p!))).toBe('pci');
    expect(correctQuery('xen vt-d', lookup)).toEqual({ query: 'xen vt-d', corrected: false });
  });

  it('reads an option typed with its value as the words the site has, and corrects only the misspelt one', () => {
    // The vocabulary has cpufreq, xen and cpufreq_xen-like names, never the text with "=" in it.
    expect(correctQuery('cpufreq=xen', lookup)).toEqual({ query: 'cpufreq=xen', corrected: false });
    expect(correctQuery('max_cstate=1', lookup)).toEqual({ query: 'max_cstate=1', corrected: false });
    expect(correctQuery('cpufrq=xen', lookup)).toEqual({ query: 'cpufreq=xen', corrected: true });
    expect(knownBucketsFor('cpufreq=xen')).toEqual([knownBucket('cpufreq')]);
  });
});

describe('the known-word files', () => {
  const known = knownBuckets(vocab);
  const knownLookup = (bucket: string) => vocabulary(known[bucket] ?? []);

  it('hold every vocabulary word once, in the file its first three letters name', () => {
    expect(Object.values(known).flat().sort()).toEqual(Object.values(vocab).flat().sort());
    for (const [bucket, words] of Object.entries(known)) {
      expect(KNOWN_BUCKET_IDS).toContain(bucket);
      for (const word of words) expect(knownBucket(word)).toBe(bucket);
    }
    expect(knownBucket('cpufreq')).toBe(knownBucket('cpuf'));
  });

  it('settle that a query needs no correction exactly when the letter files would (every word, its prefixes and typos)', () => {
    const words = Object.values(vocab).flat();
    const typed = new Set<string>();
    for (const word of words) {
      for (let end = 1; end <= word.length; end++) typed.add(word.slice(0, end));
      typed.add(`${word}s`).add(`${word}ing`).add(word.slice(0, -1) + 'x').add(word.replace(/^(.)(.)/, '$2$1')).add(word.toUpperCase());
    }
    for (const query of typed) {
      // What the letter's files say: each word is too short to correct, or Pagefind finds it as typed.
      const needsNone = queryWords(query).every((word) => word.length < 4 || matchesAsIs(word, lookup(bucketOf(word)) ?? vocabulary([])));
      expect(allKnown(query, knownLookup), query).toBe(needsNone);
      // Skipping the letter's file never skips a correction.
      if (needsNone) expect(correctQuery(query, lookup).corrected, query).toBe(false);
    }
    expect(knownBucketsFor('cpufreq governor')).toEqual([knownBucket('cpufreq'), knownBucket('governor')]);
    expect(knownBucketsFor('xen pci')).toEqual([]); // too short to be corrected: nothing to load
  });
});

describe('direct answers for exact names', () => {
  const entries: NameEntry[] = [
    { name: 'max_cstate', kind: 'Boot option', url: '/reference/boot-options/#opt-max-cstate', meaning: 'Caps the deepest C-state.' },
    { name: 'set-max-cstate', kind: 'xenpm command', url: '/reference/xenpm/#xenpm-set-max-cstate', meaning: 'Sets the limit.' },
    { name: 'list', kind: 'xm command', url: '/reference/xm-commands/#xm-list', meaning: 'Lists domains.' },
    { name: 'acpi', kind: 'Boot option', url: '/reference/boot-options/#opt-acpi', meaning: 'ACPI parsing.' },
    { name: 'acpi', kind: 'Configuration key', url: '/reference/domain-configuration/#cfg-hvm-acpi', meaning: 'Guest ACPI.' },
    { name: 'Stub domain', kind: 'Glossary', url: '/reference/glossary/#stub-domain', meaning: 'A small domain.' },
  ];

  it('finds the row a name, a tool command or an option with its value names', () => {
    expect(exactAnswers('max_cstate', entries).map((e) => e.url)).toEqual(['/reference/boot-options/#opt-max-cstate']);
    expect(exactAnswers('max-cstate', entries).map((e) => e.kind)).toEqual(['Boot option']);
    expect(exactAnswers('max_cstate=1', entries)).toHaveLength(1);
    expect(exactAnswers('xenpm set-max-cstate', entries).map((e) => e.kind)).toEqual(['xenpm command']);
    expect(exactAnswers('xm list', entries).map((e) => e.name)).toEqual(['list']);
    expect(exactAnswers('xenpm list', entries)).toEqual([]);
    expect(exactAnswers('ACPI', entries).map((e) => e.kind)).toEqual(['Boot option', 'Configuration key']);
    expect(exactAnswers('stub domain', entries).map((e) => e.kind)).toEqual(['Glossary']);
    expect(exactAnswers('cstate', entries)).toEqual([]);
  });

  it('answers beside no filter or a kind filter that takes reference pages, and never beside a topic', () => {
    expect(answersFit({}, 'Reference')).toBe(true);
    expect(answersFit({ kind: ['Reference'] }, 'Reference')).toBe(true);
    expect(answersFit({ kind: ['Guide'] }, 'Reference')).toBe(false);
    expect(answersFit({ topic: ['Power management'] }, 'Reference')).toBe(false);
    expect(answersFit({ kind: ['Reference'], topic: ['Power management'] }, 'Reference')).toBe(false);
    expect(answersFit({ kind: [], topic: [] }, 'Reference')).toBe(true);
  });

  it('files every entry in the bucket a query for it looks in, whatever its case or separators, and only there', () => {
    const buckets = bucketNames(entries);
    for (const entry of entries) {
      expect(buckets[nameBucket(parseNameQuery(entry.name)!.key)]).toContain(entry);
      expect(nameBucket(entry.name.toUpperCase().replace(/-/g, '_'))).toBe(nameBucket(entry.name));
    }
    expect(Object.values(buckets).flat()).toHaveLength(entries.length);
    expect(Object.keys(buckets).every((bucket) => NAME_BUCKET_IDS.includes(bucket))).toBe(true);
    expect(oneLine('Caps the `deepest` state. More text.')).toBe('Caps the deepest state.');
  });
});
