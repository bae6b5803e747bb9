import { describe, expect, it } from 'vitest';
import {
  articlePageData,
  sectionPageData,
  topicIndexData,
  topicPageData,
  topicsWithArticles,
  updatedDate,
  type PageArticle,
} from '../../src/lib/page-data.ts';
import { SITE } from '../../src/site.config.ts';

const source = { title: 'Xen 3.4 README', url: 'https://example.org/README' };

/** An article as the content layer would hand it over, with only what the test cares about set. */
function article(id: string, data: Partial<PageArticle['data']> = {}, extra: Partial<PageArticle> = {}): PageArticle {
  return {
    id,
    filePath: `content/articles/${id}.mdx`,
    body: 'Some words to read.',
    data: {
      title: id,
      description: `About ${id}.`,
      kind: id.startsWith('guides/') ? 'guide' : 'feature',
      order: 100,
      topics: ['power'],
      related: [],
      audience: 'both',
      sources: [source],
      ...data,
    },
    ...extra,
  };
}

const boot = article(
  'guides/boot-xen',
  {
    title: 'Boot Xen',
    order: 2,
    topics: ['setup', 'toolstack'],
    related: [{ id: 'features/power' }],
    prerequisites: ['Xen built'],
    estimatedMinutes: 30,
    audience: 'client',
  },
  { body: Array(450).fill('word').join(' ') },
);
const articles = [
  article('guides/install', { title: 'Install Xen', order: 1, topics: ['setup'] }),
  boot,
  article('guides/first-guest', { title: 'First guest', order: 3, topics: ['guests'] }),
  article('features/power', { title: 'Power management', order: 1, topics: ['power'] }),
  article('features/ras', { title: 'RAS', order: 2, topics: ['ras', 'setup'] }),
];
const headings = [
  { depth: 2, slug: 'steps', text: 'Steps' },
  { depth: 3, slug: 'edit-menu-lst', text: 'Edit menu.lst' },
  { depth: 2, slug: 'check-it-worked', text: 'Check it worked' },
];
const noGit = () => undefined;

describe('article page data', () => {
  const page = articlePageData({ article: boot, articles, headings, gitDate: noGit });

  it('links the previous and next article of the same section, in reading order', () => {
    expect(page.prev).toEqual({ href: '/guides/install/', title: 'Install Xen', kind: 'Guide' });
    expect(page.next).toEqual({ href: '/guides/first-guest/', title: 'First guest', kind: 'Guide' });
    const first = articlePageData({ article: articles[0]!, articles, headings: [], gitDate: noGit });
    expect(first.prev).toBeUndefined();
    expect(first.next?.title).toBe('Boot Xen');
  });

  it('suggests the related articles the author named, then ones sharing a topic', () => {
    expect(page.related.map((link) => link.href)).toEqual(['/features/power/', '/guides/install/', '/features/ras/']);
    expect(page.related[0]).toEqual({ href: '/features/power/', title: 'Power management', kind: 'Feature' });
  });

  it('builds the table of contents and the headings search ranks', () => {
    expect(page.toc).toEqual([
      { depth: 2, slug: 'steps', text: 'Steps', children: [{ depth: 3, slug: 'edit-menu-lst', text: 'Edit menu.lst', children: [] }] },
      { depth: 2, slug: 'check-it-worked', text: 'Check it worked', children: [] },
    ]);
    expect(page.sectionHeadings).toEqual(['Steps', 'Check it worked']);
  });

  it('says how long the article takes to read, who it is for and where it sits', () => {
    expect(page.readingMinutes).toBe(2);
    expect(page.audience).toBe('Client systems');
    expect(page.kind).toEqual({ id: 'guide', label: 'Guide', plural: 'Guides', href: '/guides/' });
    expect(page.breadcrumbs).toEqual([{ label: 'Home', href: '/' }, { label: 'Guides', href: '/guides/' }, { label: 'Boot Xen' }]);
    expect(page.topics).toEqual([
      { id: 'setup', label: 'Setup', href: '/topics/setup/' },
      { id: 'toolstack', label: 'Toolstack', href: '/topics/toolstack/' },
    ]);
  });

  it('gives guides a "Before you start" box and other kinds none', () => {
    expect(page.beforeYouStart).toEqual({ minutes: 30, prerequisites: ['Xen built'] });
    expect(articlePageData({ article: articles[3]!, articles, headings, gitDate: noGit }).beforeYouStart).toBeUndefined();
  });

  it('links to the source file for editing and to a correction form for the page', () => {
    expect(page.editUrl).toBe(`${SITE.repository}/edit/${SITE.branch}/content/articles/guides/boot-xen.mdx`);
    const report = new URL(page.reportUrl);
    expect(report.searchParams.get('title')).toBe('Correction: Boot Xen');
    expect(report.searchParams.get('page')).toBe(`${SITE.url}/guides/boot-xen/`);
    const outside = article('guides/elsewhere', {}, { filePath: undefined });
    expect(articlePageData({ article: outside, articles: [outside], headings: [], gitDate: noGit }).editUrl).toBeUndefined();
  });

  it('links to its Markdown version, and to a cheat sheet only where one condenses it', () => {
    expect(page.markdownUrl).toBe('/guides/boot-xen.md');
    expect(page.cheatSheet).toBeUndefined();
    const xenpm = article('reference/xenpm', { kind: 'reference' });
    expect(articlePageData({ article: xenpm, articles: [xenpm], headings: [], gitDate: noGit }).cheatSheet).toEqual({
      href: '/reference/cheat-sheets/xenpm/',
      title: 'xenpm cheat sheet',
    });
  });

  it('dates the page by `updated`, else by the last commit of its file, else not at all', () => {
    const commit = new Date('2026-11-20T10:30:00Z');
    const fromGit = articlePageData({ article: boot, articles, headings, gitDate: (file) => (file === boot.filePath ? commit : undefined) });
    expect(fromGit.updated).toEqual({ iso: '2026-11-20T10:30:00.000Z', dateTime: '2026-11-20', text: '20 November 2026' });
    const stated = article('features/c-states', { updated: new Date('2026-11-23') });
    expect(updatedDate(stated, () => commit)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(page.updated).toBeUndefined();
  });
});

describe('section and topic page data', () => {
  it('lists a section in reading order and numbers guides as steps', () => {
    const [guides, ...more] = sectionPageData('guide', articles);
    expect(more).toEqual([]);
    expect(guides!.title).toBe('Guides');
    expect(guides!.documentTitle).toBe('Guides');
    expect(guides!.breadcrumbs).toEqual([{ label: 'Home', href: '/' }, { label: 'Guides' }]);
    expect(guides!.items.map(({ article, step }) => [article.id, step])).toEqual([
      ['guides/install', 1],
      ['guides/boot-xen', 2],
      ['guides/first-guest', 3],
    ]);
    expect(guides!.pagination).toMatchObject({ current: 1, total: 1, prev: undefined, next: undefined });
    const [features] = sectionPageData('feature', articles);
    expect(features!.numbered).toBe(false);
    expect(features!.items.map(({ step }) => step)).toEqual([undefined, undefined]);
    const empty = sectionPageData('comparison', articles);
    expect(empty).toHaveLength(1);
    expect(empty[0]!.items).toEqual([]);
    expect(empty[0]!.range).toEqual({ from: 0, to: 0 });
  });

  it('splits a long section into pages of cards, guides numbered across pages', () => {
    const many = Array.from({ length: 50 }, (_, i) => article(`guides/g${String(i + 1).padStart(2, '0')}`, { title: `Guide ${i + 1}`, order: i + 1 }));
    const pages = sectionPageData('guide', many, 24);
    expect(pages.map((page) => page.items.length)).toEqual([24, 24, 2]);
    expect(pages.map((page) => page.pagination.current)).toEqual([1, 2, 3]);
    const [, second, third] = pages;
    expect(second!.items[0]).toMatchObject({ step: 25, article: { id: 'guides/g25' } });
    expect(second!.range).toEqual({ from: 25, to: 48 });
    expect(second!.count).toBe(50);
    expect(second!.documentTitle).toBe('Guides, page 2 of 3');
    expect(second!.breadcrumbs).toEqual([{ label: 'Home', href: '/' }, { label: 'Guides', href: '/guides/' }, { label: 'Page 2' }]);
    expect(second!.pagination.prev).toEqual({ number: 1, href: '/guides/' });
    expect(second!.pagination.next).toEqual({ number: 3, href: '/guides/page/3/' });
    expect(third!.items.map(({ step }) => step)).toEqual([49, 50]);
    // Every article is on exactly one page.
    expect(pages.flatMap((page) => page.items.map(({ article }) => article.id))).toEqual(many.map((a) => a.id));
  });

  it('groups a topic by kind, in the site kind order, leaving out empty kinds', () => {
    const [setup, ...more] = topicPageData('setup', articles);
    expect(more).toEqual([]);
    expect(setup!.breadcrumbs).toEqual([{ label: 'Home', href: '/' }, { label: 'Topics', href: '/topics/' }, { label: 'Setup' }]);
    expect(setup!.groups.map((group) => [group.kind, group.heading, group.articles.map((a) => a.id)])).toEqual([
      ['feature', 'Features', ['features/ras']],
      ['guide', 'Guides', ['guides/install', 'guides/boot-xen']],
    ]);
  });

  it('splits a long topic into pages, a kind that spans two pages headed on both', () => {
    const features = Array.from({ length: 5 }, (_, i) => article(`features/f${i}`, { title: `Feature ${i}`, order: i, topics: ['power'] }));
    const guides = Array.from({ length: 4 }, (_, i) => article(`guides/g${i}`, { title: `Guide ${i}`, order: i, topics: ['power'] }));
    const pages = topicPageData('power', [...guides, ...features], 4);
    const shape = pages.map((page) => page.groups.map((group) => `${group.heading}: ${group.articles.length}`));
    expect(shape).toEqual([['Features: 4'], ['Features: 1', 'Guides: 3'], ['Guides: 1']]);
    expect(pages[2]!.pagination.prev?.href).toBe('/topics/power/page/2/');
    expect(pages[1]!.documentTitle).toBe('Power management, page 2 of 3');
  });

  it('offers only topics that have articles, in display order, with their counts', () => {
    expect(topicsWithArticles(articles)).toEqual(['ras', 'power', 'toolstack', 'guests', 'setup']);
    expect(topicIndexData(articles).find((card) => card.id === 'setup')).toEqual({
      id: 'setup',
      label: 'Setup',
      blurb: 'Hardware checks, building, booting and configuring a Xen 3.4 host.',
      href: '/topics/setup/',
      count: 3,
    });
  });
});
