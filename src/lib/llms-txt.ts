/**
 * /llms.txt and /llms-full.txt, after the llmstxt.org proposal: a Markdown file that tells a
 * language model what the site is and where each article's Markdown version lives, and one file
 * with every article's Markdown. They are files of their own, so no page of the site grows with
 * the number of articles because of them.
 */
import type { Root, RootContent } from 'mdast';
import { KINDS, KIND_IDS, type Kind } from '../schemas/kinds.ts';
import { SITE } from '../site.config.ts';
import { sortArticles, type ArticleLike } from './collate.ts';
import { blockquote, heading, inlineCode, link, list, paragraph, text } from './mdast-build.ts';
import { toMarkdown } from './mdast-to-markdown.ts';
import { markdownUrl } from './paths.ts';

/** What llms.txt lists of an article. */
export interface LlmsArticle extends ArticleLike {
  data: ArticleLike['data'] & { description: string };
}

/** The address of the file with every article's Markdown. */
export const LLMS_FULL_PATH = '/llms-full.txt';

/**
 * llms.txt: the site's name, a one-sentence summary, how the Markdown versions are found, then
 * one section per kind of article, each article a link to its .md with its description.
 */
export function llmsTxt(articles: readonly LlmsArticle[], origin: string = SITE.url): string {
  const url = (path: string) => new URL(path, origin).href;
  const example = sortArticles(articles.filter((a) => a.data.kind === 'guide'))[0] ?? articles[0];
  const sections: RootContent[] = KIND_IDS.flatMap((kind: Kind) => {
    const inKind = sortArticles(articles.filter((a) => a.data.kind === kind));
    if (!inKind.length) return [];
    return [
      heading(2, KINDS[kind].plural),
      list(inKind.map((article) => [paragraph([link(url(markdownUrl(article.id)), article.data.title), text(`: ${article.data.description}`)])])),
    ];
  });
  const full = url(LLMS_FULL_PATH);
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, SITE.title),
      blockquote([paragraph([text(SITE.description)])]),
      paragraph([
        text('Every article cites its sources and is also served as Markdown: its address with '),
        inlineCode('.md'),
        text(' in place of the closing slash'),
        ...(example ? [text(', such as '), link(url(markdownUrl(example.id)), url(markdownUrl(example.id)))] : []),
        text('. '),
        link(full, full),
        text(' holds every article in one file.'),
      ]),
      ...sections,
    ],
  };
  return toMarkdown(tree);
}

/** llms-full.txt: every article's Markdown version, in the order llms.txt lists them, one after another. */
export function llmsFullTxt(articles: readonly { article: LlmsArticle; markdown: string }[]): string {
  const sorted = KIND_IDS.flatMap((kind) => sortArticles(articles.map((a) => a.article).filter((a) => a.data.kind === kind)));
  const byId = new Map(articles.map((a) => [a.article.id, a.markdown]));
  return `${sorted.map((article) => byId.get(article.id)!.trimEnd()).join('\n\n***\n\n')}\n`;
}
