/**
 * What the Markdown versions of the articles need, gathered once per build for the .md, llms.txt
 * and llms-full.txt routes: the data files, the source manifests, the words of every diagram and
 * the article titles. Glue for routes only (it reads the diagram components through Vite); the
 * conversion itself is article-markdown.ts.
 */
import { getArticles, getReferenceData } from './articles.ts';
import type { MarkdownData } from './article-markdown.ts';
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
