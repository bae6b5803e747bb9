/**
 * The data of every page that lists or shows articles, computed before anything renders.
 *
 * Routes in src/pages/ fetch the collections, call one function here and hand the result to a
 * layout, which only renders it (as Starlight's utils/routing/data.ts does for its pages). All of
 * it is plain data in, plain data out, so tests/unit/page-data.test.ts covers it without Astro.
 */
import { KINDS, KIND_IDS, type Kind } from '../schemas/kinds.ts';
import { TOPICS, TOPIC_IDS, type TopicId } from '../schemas/topics.ts';
import type { Source } from '../schemas/source.ts';
import { SITE, editUrl, reportUrl } from '../site.config.ts';
import { byTopic, prevNext, relatedArticles, sortArticles, type ArticleLike } from './collate.ts';
import { formatDate, isoDate } from './format.ts';
import { lastCommitDate } from './git-dates.ts';
import { CONTENT_DIR, articleUrl, markdownUrl, sectionUrl, topicUrl } from './paths.ts';
import { cheatSheetFor, cheatSheetLinks, CHEAT_SHEETS_URL, type CheatSheet } from './cheat-sheets.ts';
import { PAGE_SIZE, paginate, type Pagination } from './pagination.ts';
import { readingMinutes } from './reading-time.ts';
import { buildToc, type Heading, type TocItem } from './toc.ts';
import type { LedgerEntry } from '../schemas/ledger.ts';
import { auditUrl } from './source-listing.ts';

/** The parts of an article entry that its page shows; an `astro:content` entry is one. */
export interface PageArticle extends ArticleLike {
  /** Path of the source file from the project root; absent for content outside the project. */
  filePath?: string | undefined;
  /** The MDX source after the frontmatter. */
  body?: string | undefined;
  data: Omit<ArticleLike['data'], 'topics'> & {
    description: string;
    topics: readonly TopicId[];
    audience: 'client' | 'server' | 'both';
    sources: readonly Source[];
    updated?: Date | undefined;
    prerequisites?: readonly string[] | undefined;
    estimatedMinutes?: number | undefined;
  };
}

/** One step of a breadcrumb trail; the last one, the current page, has no link. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

/** A link to another article: related articles, previous and next. */
export interface ArticleLink {
  href: string;
  title: string;
  /** The kind's label, e.g. "Guide". */
  kind: string;
}

/** Where an article sits and what it is about, as its header shows it. */
export interface PageKind {
  id: Kind;
  /** "Guide" */
  label: string;
  /** "Guides" */
  plural: string;
  /** The section index, e.g. /guides/. */
  href: string;
}

/** A topic as a badge or a card links to it. */
export interface PageTopic {
  id: TopicId;
  label: string;
  href: string;
}

/** Everything an article page shows besides its rendered body. */
export interface ArticlePageData {
  title: string;
  description: string;
  kind: PageKind;
  breadcrumbs: Crumb[];
  topics: PageTopic[];
  /** Who the article is for, in words: "Clients and servers". */
  audience: string;
  /** Whole minutes to read the body, at least one. */
  readingMinutes: number;
  /** The last meaningful change (`updated`, else the file's last commit); absent outside git. */
  updated?: { iso: string; dateTime: string; text: string } | undefined;
  /** A guide's "Before you start" box; absent for other kinds and for guides with nothing to say. */
  beforeYouStart?: { minutes?: number | undefined; prerequisites: readonly string[] } | undefined;
  /** h2 entries with their h3 children. */
  toc: TocItem[];
  /** The text of the h2 headings, which search ranks above the body. */
  sectionHeadings: string[];
  sources: readonly Source[];
  /** Opens the source file for editing; absent when the file is outside the project. */
  editUrl?: string | undefined;
  /** Opens a correction issue about this page. */
  reportUrl: string;
  /** The article's Markdown version, for tools (`/guides/boot-xen.md`). */
  markdownUrl: string;
  /** The printable cheat sheet that condenses this article, if there is one. */
  cheatSheet?: { href: string; title: string } | undefined;
  related: ArticleLink[];
  prev?: ArticleLink | undefined;
  next?: ArticleLink | undefined;
  /** How the page was checked against the source (its row of the audit ledger). */
  audit?: { url: string; checked: number; corrected: number; unverifiable: number } | undefined;
}

/** What the article page needs to compute its data. */
export interface ArticlePageInput<T extends PageArticle> {
  /** The article shown. */
  article: T;
  /** Every published article (for previous, next and related). */
  articles: readonly T[];
  /** The headings Astro reports after rendering the article. */
  headings: readonly Heading[];
  /** Date of a file's last commit; by default read from git once for the whole content folder. */
  gitDate?: ((filePath: string) => Date | undefined) | undefined;
  /** The article's row of the audit ledger, if it has one. */
  ledger?: Pick<LedgerEntry, 'file' | 'checked' | 'corrected' | 'unverifiable'> | undefined;
}

const AUDIENCE = { client: 'Client systems', server: 'Servers', both: 'Clients and servers' } as const;

const defaultGitDate = (filePath: string) => lastCommitDate(filePath, CONTENT_DIR);

/** When an article last changed: its `updated` field, else its file's last git commit. */
export function updatedDate(
  article: Pick<PageArticle, 'filePath'> & { data: Pick<PageArticle['data'], 'updated'> },
  gitDate: (filePath: string) => Date | undefined = defaultGitDate,
): Date | undefined {
  return article.data.updated ?? (article.filePath ? gitDate(article.filePath) : undefined);
}

/** The section an article kind is listed in. */
export function pageKind(kind: Kind): PageKind {
  return { id: kind, label: KINDS[kind].label, plural: KINDS[kind].plural, href: sectionUrl(kind) };
}

/** A link card to an article. */
export function articleLink(article: ArticleLike): ArticleLink {
  return { href: articleUrl(article.id), title: article.data.title, kind: KINDS[article.data.kind].label };
}

/** The data of an article page: header, table of contents, sources, related, previous and next. */
export function articlePageData<T extends PageArticle>({ article, articles, headings, gitDate, ledger }: ArticlePageInput<T>): ArticlePageData {
  const { title, description, kind, topics, audience, sources, prerequisites, estimatedMinutes } = article.data;
  const { prev, next } = prevNext(articles, article.id);
  const updated = updatedDate(article, gitDate);
  const guideBox = kind === 'guide' && (prerequisites?.length || estimatedMinutes);
  return {
    title,
    description,
    kind: pageKind(kind),
    breadcrumbs: [{ label: 'Home', href: '/' }, { label: KINDS[kind].plural, href: sectionUrl(kind) }, { label: title }],
    topics: topics.map((id) => ({ id, label: TOPICS[id].label, href: topicUrl(id) })),
    audience: AUDIENCE[audience],
    readingMinutes: readingMinutes(article.body ?? ''),
    updated: updated && { iso: updated.toISOString(), dateTime: isoDate(updated), text: formatDate(updated) },
    beforeYouStart: guideBox ? { minutes: estimatedMinutes, prerequisites: prerequisites ?? [] } : undefined,
    toc: buildToc(headings),
    sectionHeadings: headings.filter((h) => h.depth === 2).map((h) => h.text),
    sources,
    editUrl: article.filePath ? editUrl(article.filePath) : undefined,
    reportUrl: reportUrl(title, new URL(articleUrl(article.id), SITE.url).href),
    markdownUrl: markdownUrl(article.id),
    cheatSheet: cheatSheetFor(article.id),
    related: relatedArticles(articles, article.id).map(articleLink),
    prev: prev && articleLink(prev),
    next: next && articleLink(next),
    audit: ledger && { url: auditUrl(ledger.file), checked: ledger.checked, corrected: ledger.corrected, unverifiable: ledger.unverifiable.length },
  };
}

/** What every page of a paginated list has: where it sits and how it is titled. */
interface ListPageData {
  /** The list's name: the page's <h1>. */
  title: string;
  /** The document title: the name on the first page, "Guides, page 2 of 5" after it, so each page's title is its own. */
  documentTitle: string;
  description: string;
  breadcrumbs: Crumb[];
  /** Page number, neighbours and the row of page numbers (src/lib/pagination.ts). */
  pagination: Pagination;
  /** How many articles the whole list has, over all its pages. */
  count: number;
  /** Positions (from 1) of this page's first and last article in the whole list; 0 and 0 when it is empty. */
  range: { from: number; to: number };
}

/** The document title of page `n` of a list. */
function pageTitle(title: string, { current, total }: Pagination): string {
  return current === 1 ? title : `${title}, page ${current} of ${total}`;
}

/** Breadcrumbs of a list page: the trail to the list, which is a link from page 2 on. */
function listCrumbs(trail: Crumb[], title: string, href: string, { current }: Pagination): Crumb[] {
  return current === 1 ? [...trail, { label: title }] : [...trail, { label: title, href }, { label: `Page ${current}` }];
}

/** One page of a section index such as /guides/ or /guides/page/2/. */
export interface SectionPageData<T extends ArticleLike> extends ListPageData {
  kind: Kind;
  /** Guides are read in order, so their cards carry step numbers (counted over all pages). */
  numbered: boolean;
  /** This page's articles in reading order, with their step number when numbered. */
  items: { article: T; step?: number | undefined }[];
  /** Printable cheat sheets listed under the reference section. */
  cheatSheets?: { href: string; title: string; description: string }[] | undefined;
}

/**
 * The pages of a section index: its articles in reading order, `perPage` cards a page, so that
 * no page grows with the section. The first page is /guides/, the others /guides/page/N/.
 */
export function sectionPageData<T extends ArticleLike>(kind: Kind, articles: readonly T[], perPage = PAGE_SIZE): SectionPageData<T>[] {
  const { plural, blurb } = KINDS[kind];
  const numbered = kind === 'guide';
  const all = sortArticles(articles.filter((a) => a.data.kind === kind));
  return paginate(all, sectionUrl(kind), perPage).map(({ items, pagination, offset }) => ({
    range: { from: items.length ? offset + 1 : 0, to: offset + items.length },
    kind,
    title: plural,
    documentTitle: pageTitle(plural, pagination),
    description: blurb,
    breadcrumbs: listCrumbs([{ label: 'Home', href: '/' }], plural, sectionUrl(kind), pagination),
    numbered,
    items: items.map((article, index) => ({ article, step: numbered ? offset + index + 1 : undefined })),
    // The cheat sheets are listed once, under the first page of the reference section.
    cheatSheets: kind === 'reference' && pagination.current === 1 ? cheatSheetLinks() : undefined,
    pagination,
    count: all.length,
  }));
}

/** The data of a cheat sheet page: the sheet and where it sits. */
export interface CheatSheetPageData {
  sheet: CheatSheet;
  breadcrumbs: Crumb[];
  /** The title of the reference article the sheet condenses. */
  referenceTitle: string;
}

/** The data of a cheat sheet page such as /reference/cheat-sheets/xm/. */
export function cheatSheetPageData(sheet: CheatSheet, articles: readonly ArticleLike[]): CheatSheetPageData {
  const reference = articles.find((a) => a.id === sheet.reference.id);
  if (!reference) throw new Error(`The ${sheet.title} condenses ${sheet.reference.id}, which is not a published article.`);
  return {
    sheet,
    breadcrumbs: [
      { label: 'Home', href: '/' },
      { label: KINDS.reference.plural, href: sectionUrl('reference') },
      { label: 'Cheat sheets', href: CHEAT_SHEETS_URL },
      { label: sheet.title },
    ],
    referenceTitle: reference.data.title,
  };
}

/** The data of /reference/cheat-sheets/: every sheet with its description. */
export function cheatSheetIndexData(): { title: string; description: string; breadcrumbs: Crumb[]; sheets: ReturnType<typeof cheatSheetLinks> } {
  return {
    title: 'Cheat sheets',
    description: 'The xm commands, the xenpm subcommands and the Xen boot options of Xen 3.4, each on one or two printed pages.',
    breadcrumbs: [{ label: 'Home', href: '/' }, { label: KINDS.reference.plural, href: sectionUrl('reference') }, { label: 'Cheat sheets' }],
    sheets: cheatSheetLinks(),
  };
}

/** One page of a topic such as /topics/power/ or /topics/power/page/2/. */
export interface TopicPageData<T extends ArticleLike> extends ListPageData {
  topic: TopicId;
  /** This page's articles by kind, in the site's kind order; kinds without any here are left out. */
  groups: { kind: Kind; heading: string; articles: T[] }[];
}

/** Every topic that has at least one article, in display order. */
export function topicsWithArticles(articles: readonly ArticleLike[]): TopicId[] {
  const groups = byTopic(articles);
  return TOPIC_IDS.filter((topic) => groups.has(topic));
}

/**
 * The pages of a topic: its articles by kind (features, then guides…), each kind in reading
 * order, `perPage` cards a page. A kind that spans two pages has its heading on both.
 */
export function topicPageData<T extends ArticleLike>(topic: TopicId, articles: readonly T[], perPage = PAGE_SIZE): TopicPageData<T>[] {
  const { label, blurb } = TOPICS[topic];
  const onTopic = byTopic(articles).get(topic) ?? [];
  const all = KIND_IDS.flatMap((kind) => onTopic.filter((a) => a.data.kind === kind));
  return paginate(all, topicUrl(topic), perPage).map(({ items, pagination, offset }) => ({
    range: { from: items.length ? offset + 1 : 0, to: offset + items.length },
    topic,
    title: label,
    documentTitle: pageTitle(label, pagination),
    description: blurb,
    breadcrumbs: listCrumbs([{ label: 'Home', href: '/' }, { label: 'Topics', href: '/topics/' }], label, topicUrl(topic), pagination),
    groups: KIND_IDS.map((kind) => ({ kind, heading: KINDS[kind].plural, articles: items.filter((a) => a.data.kind === kind) })).filter(
      (group) => group.articles.length > 0,
    ),
    pagination,
    count: all.length,
  }));
}

/** A topic card on /topics/. */
export interface TopicCard extends PageTopic {
  blurb: string;
  /** How many articles carry the topic. */
  count: number;
}

/** The cards of /topics/: every topic with articles, in display order, with how many it has. */
export function topicIndexData(articles: readonly ArticleLike[]): TopicCard[] {
  const groups = byTopic(articles);
  return topicsWithArticles(articles).map((id) => ({
    id,
    label: TOPICS[id].label,
    blurb: TOPICS[id].blurb,
    href: topicUrl(id),
    count: groups.get(id)!.length,
  }));
}
