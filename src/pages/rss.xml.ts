import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles } from '../lib/articles.ts';
import { updatedDate } from '../lib/page-data.ts';
import { articleUrl } from '../lib/paths.ts';
import { KINDS } from '../schemas/kinds.ts';
import { SITE } from '../site.config.ts';

/** RSS feed of every article, newest change first. */
export async function GET(context: APIContext) {
  const articles = (await getArticles())
    .map((article) => ({ article, date: updatedDate(article) ?? new Date(0) }))
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: context.site ?? SITE.url,
    items: articles.map(({ article, date }) => ({
      title: article.data.title,
      description: article.data.description,
      link: articleUrl(article.id),
      pubDate: date,
      categories: [KINDS[article.data.kind].label, ...article.data.topics],
    })),
    customData: `<language>${SITE.lang}</language>`,
  });
}
