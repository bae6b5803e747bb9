/**
 * Direct answers for exact names. A reader who types `max_cstate`, `xm pci-attach` or `HPET`
 * wants the row that defines it, not every article that mentions it. At build time every row of
 * the reference pages (boot options, xm and xenpm subcommands, domain configuration keys) and
 * every glossary entry becomes one entry: its name, what it is, where its row is and its
 * one-line meaning. Entries are spread over NAME_BUCKETS files by a hash of their first
 * characters (`/search/names/<bucket>.json`, src/lib/hash-bucket.ts), so a query loads one small
 * file, the same one while the name is being typed.
 */
import { bucketIds, hashBucket } from './hash-bucket.ts';

/** What a name is, as the result says it. */
export type NameKind = 'Boot option' | 'Dom0 kernel option' | 'xm command' | 'xenpm command' | 'Configuration key' | 'xend-config.sxp setting' | 'Glossary';

/** One exact name and the row that defines it. */
export interface NameEntry {
  name: string;
  kind: NameKind;
  /** The row on a reference page, with its #anchor. */
  url: string;
  /** One sentence. */
  meaning: string;
}

/** The form names are compared in: lower case, `-` and `_` alike. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** How many files the names are spread over. */
export const NAME_BUCKETS = 64;

/** Every bucket's file name, so that each exists, empty or not, and no query's file is missing. */
export const NAME_BUCKET_IDS: readonly string[] = bucketIds(NAME_BUCKETS);

/** The file an entry or a query goes in. */
export function nameBucket(name: string): string {
  return hashBucket(nameKey(name), NAME_BUCKETS);
}

/** Entries split into their buckets, each list sorted by name. */
export function bucketNames(entries: readonly NameEntry[]): Record<string, NameEntry[]> {
  const buckets: Record<string, NameEntry[]> = {};
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) (buckets[nameBucket(entry.name)] ??= []).push(entry);
  return buckets;
}

/** What a query asks for: a name (`stub domain` is one), and the kind when the query says it (`xm list`, `xenpm start`, `msi=1`). */
export function parseNameQuery(query: string): { key: string; kinds?: NameKind[] } | undefined {
  let text = query.trim().toLowerCase();
  let kinds: NameKind[] | undefined;
  const tool = /^(xm|xenpm)\s+(\S+)$/.exec(text);
  if (tool) {
    kinds = [tool[1] === 'xm' ? 'xm command' : 'xenpm command'];
    text = tool[2]!;
  }
  text = text.replace(/=.*$/, '').replace(/\s+/g, ' ');
  if (!text) return undefined;
  return { key: nameKey(text), kinds };
}

/** The entries that a query names exactly, in the order of the list. */
export function exactAnswers(query: string, entries: readonly NameEntry[]): NameEntry[] {
  const wanted = parseNameQuery(query);
  if (!wanted) return [];
  return entries.filter((entry) => nameKey(entry.name) === wanted.key && (!wanted.kinds || wanted.kinds.includes(entry.kind)));
}

/**
 * Whether exact-name answers belong beside results narrowed by these search filters
 * (`{ kind: ['Guide'] }`). Every answer is a row of a reference page and has no topic: they
 * show with no filter, or when the only filter is a kind that includes reference pages.
 */
export function answersFit(filters: Readonly<Record<string, readonly string[]>>, referenceLabel: string): boolean {
  const active = Object.entries(filters).filter(([, values]) => values.length > 0);
  return active.every(([name, values]) => name === 'kind' && values.includes(referenceLabel));
}

/** The first sentence of a text, on one line, without Markdown backticks. */
export function oneLine(text: string): string {
  const flat = text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
  const end = /[.!?](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}
