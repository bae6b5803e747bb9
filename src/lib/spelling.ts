/**
 * Typo tolerance around Pagefind, which has none: a vocabulary of the words the site's pages
 * contain, built at build time, and a corrector that replaces a query word only when the
 * vocabulary has no such word (nor, for the word being typed, a word it begins).
 *
 * The vocabulary is split by first letter (`/search/vocabulary/<letter>.json`), so a search
 * loads only the few KB for the letters its words start with; a typo in a word's first letter is
 * not corrected. Each file lists its words most frequent first, so the corrector prefers a
 * common word when two are equally close.
 *
 * Most queries need no correction, and deciding that needs far less: whether a word is known
 * depends only on vocabulary words with its first three letters. The same words are also spread
 * over KNOWN_BUCKETS files by those letters (`/search/known/<bucket>.json`, src/lib/hash-bucket.ts),
 * a few hundred bytes each, and a query loads a letter's file only for a word they do not know.
 */
import { bucketIds, hashBucket } from './hash-bucket.ts';

/** Words shorter than this are never corrected: too many words are one edit away. */
export const MIN_CORRECTED_LENGTH = 4;
/** Longest word kept in the vocabulary. */
const MAX_WORD_LENGTH = 32;
/** The largest vocabulary the site ships, most frequent words first. */
export const VOCABULARY_MAX = 20_000;

/** Every file name a word or a query can map to, so none of them is ever missing (a 404). */
export const BUCKETS = [...'abcdefghijklmnopqrstuvwxyz0'];

/** The letter a word's vocabulary file is named by: a–z, or `0` for digits and the rest. */
export function bucketOf(word: string): string {
  const first = word[0] ?? '';
  return /[a-z]/.test(first) ? first : '0';
}

/**
 * The words of a text as a search engine sees them: lower-case runs of letters and digits, with
 * names such as `set-max-cstate` or `max_cstate` kept whole as well as split into their parts.
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[_.-][\p{L}\p{N}]+)*/gu)) {
    const token = match[0];
    words.push(token);
    if (/[_.-]/.test(token)) words.push(...token.split(/[_.-]+/));
  }
  return words;
}

/** A word worth offering as a correction: letters in it, not a hex id, not too long. */
function isVocabularyWord(word: string): boolean {
  return (
    word.length >= 3 &&
    word.length <= MAX_WORD_LENGTH &&
    /\p{L}/u.test(word) &&
    !/^(?:0x)?[0-9a-f]{7,}$/.test(word) && // commit ids, addresses
    !/^\d/.test(word) // 2.6.18-xen, 0x3f8: not typed from memory
  );
}

/** The vocabulary of some texts, split by first letter, each list most frequent first. */
export function buildVocabulary(texts: Iterable<string>, max = VOCABULARY_MAX): Record<string, string[]> {
  const counts = new Map<string, number>();
  for (const text of texts) countVocabulary(counts, text);
  return rankVocabulary(counts, max);
}

/** Adds the vocabulary words of one text to `counts`, so that texts can be counted as they are read. */
export function countVocabulary(counts: Map<string, number>, text: string): Map<string, number> {
  for (const word of wordsOf(text)) if (isVocabularyWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Counted words as the vocabulary files list them: by first letter, most frequent first. */
export function rankVocabulary(counts: ReadonlyMap<string, number>, max = VOCABULARY_MAX): Record<string, string[]> {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max);
  const buckets: Record<string, string[]> = {};
  for (const [word] of ranked) (buckets[bucketOf(word)] ??= []).push(word);
  return buckets;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `limit + 1` as soon
 * as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far a word of this length may be from its correction. */
const allowedEdits = (word: string) => (word.length <= 5 ? 1 : 2);

/** A vocabulary list with a set for look-ups. */
export interface Vocabulary {
  words: readonly string[];
  has(word: string): boolean;
}

/** Wraps a vocabulary file's list. */
export function vocabulary(words: readonly string[]): Vocabulary {
  const set = new Set(words);
  return { words, has: (word) => set.has(word) };
}

/** English endings Pagefind's stemmer removes: `booting` finds `boot` without being a typo. */
const ENDINGS = /(?:ings?|ed|ers?|es|s|ly)$/;

/**
 * Whether Pagefind will find the word as it is: it is in the vocabulary, begins a word that is
 * (Pagefind matches prefixes, and the reader may still be typing), or is a known word with an
 * English ending (`booting` for `boot`).
 */
export function matchesAsIs(word: string, known: Vocabulary): boolean {
  if (known.has(word)) return true;
  const stem = word.replace(ENDINGS, '');
  const starts = (prefix: string) => known.words.some((candidate) => candidate.startsWith(prefix));
  return starts(word) || (stem.length >= MIN_CORRECTED_LENGTH - 1 && stem !== word && (known.has(stem) || known.has(`${stem}e`)));
}

/**
 * The correction of one query word, or undefined when it needs none: it is too short, Pagefind
 * will find it as it is, or nothing known is close enough.
 */
export function correctWord(word: string, known: Vocabulary): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < MIN_CORRECTED_LENGTH || !/\p{L}/u.test(lower) || matchesAsIs(lower, known)) return undefined;
  const limit = allowedEdits(lower);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known.words) {
    const distance = editDistance(lower, candidate, Math.min(limit, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break; // most frequent first: the first word one edit away wins
    }
  }
  return best;
}

/** How many files the known-word lists are spread over. */
export const KNOWN_BUCKETS = 64;

/** Every known-word file name, so that each exists, empty or not. */
export const KNOWN_BUCKET_IDS: readonly string[] = bucketIds(KNOWN_BUCKETS);

/**
 * The known-word file of a word. Every vocabulary word that decides whether `word` is known (the
 * word itself, words it begins, its stem) shares its first three letters, and so its file.
 */
export function knownBucket(word: string): string {
  return hashBucket(word.toLowerCase(), KNOWN_BUCKETS);
}

/** The vocabulary (by first letter) regrouped into known-word files, each sorted, which gzip best. */
export function knownBuckets(byLetter: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const buckets: Record<string, string[]> = {};
  for (const word of Object.values(byLetter).flat()) (buckets[knownBucket(word)] ??= []).push(word);
  for (const list of Object.values(buckets)) list.sort();
  return buckets;
}

/**
 * A query's words as the vocabulary holds them (see wordsOf): `max_cstate` and `vt-d` are one
 * word each, `iommu=pv` is two, so an option typed with its value is never taken for a typo.
 */
const QUERY_WORD = /[\p{L}\p{N}]+(?:[_.-][\p{L}\p{N}]+)*/gu;

/** A query's words, lower-cased, as the vocabulary would hold them. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().match(QUERY_WORD) ?? [];
}

/** The words of a query the corrector looks at: long enough, with a letter in them. */
function correctable(query: string): string[] {
  return queryWords(query).filter((word) => word.length >= MIN_CORRECTED_LENGTH && /\p{L}/u.test(word));
}

/** The known-word files a query's words need. */
export function knownBucketsFor(query: string): string[] {
  return [...new Set(correctable(query).map(knownBucket))];
}

/** Whether every word of a query is found as typed, so the query needs no correction. `lookup` gives a known-word file. */
export function allKnown(query: string, lookup: (bucket: string) => Vocabulary | undefined): boolean {
  return correctable(query).every((word) => {
    const known = lookup(knownBucket(word));
    return !known || matchesAsIs(word, known);
  });
}

/** The words of a query that the vocabulary files are needed for. */
export function bucketsFor(query: string): string[] {
  return [...new Set(correctable(query).map(bucketOf))];
}

/** Corrects each unknown word of a query. `lookup` gives the vocabulary of a word's first letter. */
export function correctQuery(query: string, lookup: (bucket: string) => Vocabulary | undefined): { query: string; corrected: boolean } {
  let corrected = false;
  const out = query.replace(QUERY_WORD, (word) => {
    const known = lookup(bucketOf(word.toLowerCase()));
    const fixed = known && correctWord(word, known);
    if (!fixed) return word;
    corrected = true;
    return fixed;
  });
  return { query: out, corrected };
}
