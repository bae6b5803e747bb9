/**
 * The collections as routes read them: the one module of src/lib that touches astro:content.
 * What a page does with them is computed in page-data.ts, without Astro.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { articleProblems } from './article-problems.ts';
import { withBodyFromFile } from './article-body.ts';
import { sortArticles } from './collate.ts';
import type { ReferenceData, ReferenceRows } from './reference-tables.ts';
import { glossaryPages, type GlossaryPage } from './glossary.ts';
import { contentFingerprint, pageCacheKey } from './page-cache.ts';
import { CONTENT_DIR } from './paths.ts';

/** An article entry as the content layer returns it, with its body read from its file on request. */
export type Article = CollectionEntry<'articles'> & { body: string };

let cached: Promise<Article[]> | undefined;

/**
 * Every published article, in reading order (drafts too in dev). Fails the build with a
 * message naming the file when an article is in the wrong folder or names a related article
 * that does not exist.
 */
export function getArticles(): Promise<Article[]> {
  cached ??= (async () => {
    const all = await getCollection('articles', (a) => import.meta.env.DEV || !a.data.draft);
    const problems = articleProblems(all);
    if (problems.length) throw new Error(`Some articles need fixing:\n  ${problems.join('\n  ')}`);
    return sortArticles(all).map(withBodyFromFile);
  })();
  return cached;
}

let fingerprint: Promise<string> | undefined;

/**
 * A hash of everything in the content folder but the articles' bodies, once per build: the part
 * of every page cache key that is the same for all pages (src/lib/page-cache.ts).
 */
export function getContentFingerprint(): Promise<string> {
  fingerprint ??= getArticles().then((articles) => contentFingerprint(CONTENT_DIR, articles));
  return fingerprint;
}

/**
 * `paths` (a getStaticPaths() result) with a cache key each made of the content fingerprint and
 * the path's params, for pages made only from data files and frontmatter: lists, glossary,
 * cheat sheets, the audit ledger. Not for a page that shows an article's body or date.
 */
export async function keyedByContent<T extends { params: Record<string, string> }>(paths: T[]): Promise<(T & { cacheKey: string })[]> {
  const fingerprint = await getContentFingerprint();
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(fingerprint, JSON.stringify(path.params)) }));
}

let synonymGroups: Promise<string[][]> | undefined;

/**
 * The groups of words readers use for the same thing (content/search-synonyms.yaml), read once
 * per build: every page gets the same list, which synonymTiers() prepares once.
 */
export function getSynonymGroups(): Promise<string[][]> {
  synonymGroups ??= getCollection('synonyms').then((entries) => entries.map((entry) => entry.data.words));
  return synonymGroups;
}

let referenceData: Promise<ReferenceData> | undefined;

/** The data files (content/*.yaml, products, the audit ledger), read once per build. */
export function getReferenceData(): Promise<ReferenceData> {
  return (referenceData ??= (async () => {
    const data = async <K extends 'glossary' | 'bootOptions' | 'xenpm' | 'xmCommands' | 'domainConfig' | 'xendConfig' | 'ledger'>(name: K) =>
      (await getCollection(name)).map((entry) => entry.data as CollectionEntry<K>['data']);
    return {
      // The build resolves the glossary's article links as references; the tables want their ids.
      glossary: (await data('glossary')).map((entry) => ({ ...entry, articles: entry.articles.map(({ id }) => id) })),
      bootOptions: await data('bootOptions'),
      xenpm: await data('xenpm'),
      xm: await data('xmCommands'),
      domainConfig: await data('domainConfig'),
      xendConfig: await data('xendConfig'),
      ledger: await data('ledger'),
      products: (await getCollection('products')).map(({ id, data }) => ({ id, data })),
    };
  })());
}

/** The explained rows of the reference lists (boot options, xenpm, xm, domain configuration, xend-config.sxp). */
export async function getReferenceRows(): Promise<ReferenceRows> {
  return getReferenceData();
}

/** An entry of content/glossary.yaml as the content layer returns it. */
export type GlossaryEntry = CollectionEntry<'glossary'>['data'];

let glossary: Promise<GlossaryPage<GlossaryEntry>[]> | undefined;

/** The glossary split into its pages (src/lib/glossary.ts), once per build. */
export function getGlossaryPages(): Promise<GlossaryPage<GlossaryEntry>[]> {
  glossary ??= getCollection('glossary').then((entries) => glossaryPages(entries.map((entry) => entry.data)));
  return glossary;
}
