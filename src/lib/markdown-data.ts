/**
 * What the Markdown versions of the articles need, gathered once per build for the .md, llms.txt
 * and llms-full.txt routes: the data files, the source manifests, the words of every diagram and
 * the article titles. Glue for routes only (it reads the diagram components through Vite); the
 * conversion itself is article-markdown.ts.
 */
import path from 'node:path';
import { getArticles, getContentFingerprint, getReferenceData, type Article } from './articles.ts';
import { articleMarkdown, type MarkdownData } from './article-markdown.ts';
import { markdownCache, type MarkdownCache } from './markdown-cache.ts';
import { CACHE_DIR } from './paths.ts';
import { diagramName } from './diagram-name.ts';
import { diagramText } from './diagram-text.ts';
import { siteManifests } from './xen-source/site-manifests.ts';

const diagramSources = import.meta.glob<string>('../components/diagrams/*.astro', { query: '?raw', import: 'default', eager: true });

let cached: Promise<MarkdownData> | undefined;

/** The data every article's Markdown version is made from. */
export function getMarkdownData(): Promise<MarkdownData> {
  cached ??= (async () => ({
    ...(await getReferenceData()),
    manifests: siteManifests(),
    diagrams: new Map(
      Object.entries(diagramSources).map(([file, source]) => {
        const name = diagramName(file);
        return [name, diagramText(source, name)];
      }),
    ),
    articleTitles: new Map((await getArticles()).map((article) => [article.id, article.data.title])),
  }))();
  return cached;
}

let versions: Promise<MarkdownCache | undefined> | undefined;

/** The Markdown versions kept between builds; none in `astro dev`, where articles change under it. */
function getVersions(): Promise<MarkdownCache | undefined> {
  versions ??= import.meta.env.PROD
    ? getContentFingerprint().then((fingerprint) => markdownCache(path.resolve(CACHE_DIR, 'markdown'), fingerprint, import.meta.env.KB_CODE_HASH))
    : Promise.resolve(undefined);
  return versions;
}

/** The Markdown version of an article (its .md page), made once and kept between builds. */
export async function markdownOf(article: Article): Promise<string> {
  const data = await getMarkdownData();
  const cache = await getVersions();
  const make = () => articleMarkdown(article, data);
  return cache ? cache.get(article.id, article.body, make) : make();
}

/**
 * The Markdown version of every article (llms-full.txt). Every version of this build has then
 * been asked for, so the kept versions of changed or deleted articles are let go.
 */
export async function markdownOfAll(articles: readonly Article[]): Promise<{ article: Article; markdown: string }[]> {
  const all = await Promise.all(articles.map(async (article) => ({ article, markdown: await markdownOf(article) })));
  (await getVersions())?.prune();
  return all;
}
