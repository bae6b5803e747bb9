import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { articleUrl, folderMismatch, glossaryUrl, markdownUrl, sectionUrl, splitId, topicUrl } from '../../src/lib/paths.ts';
import { countWords, readingMinutes } from '../../src/lib/reading-time.ts';
import { buildToc } from '../../src/lib/toc.ts';
import { byTopic, prevNext, relatedArticles, sortArticles, type ArticleLike } from '../../src/lib/collate.ts';
import { KIND_IDS } from '../../src/schemas/kinds.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';
import { synonymsFor } from '../../src/lib/synonyms.ts';
import { readGitDates } from '../../src/lib/git-dates.ts';
import { diagramName } from '../../src/lib/diagram-name.ts';
import { firstSentence, formatDate, isoDate } from '../../src/lib/format.ts';
import { editUrl, reportUrl, SITE } from '../../src/site.config.ts';

describe('paths', () => {
  it('maps ids to URLs', () => {
    expect(articleUrl('guides/boot-xen')).toBe('/guides/boot-xen/');
    expect(splitId('guides/boot-xen')).toEqual({ section: 'guides', slug: 'boot-xen' });
    expect(sectionUrl('comparison')).toBe('/comparisons/');
    expect(topicUrl('power')).toBe('/topics/power/');
    const pages = [
      { number: 1, label: 'A–H', href: '/reference/glossary/', slug: '', letters: ['D'], entries: [{ id: 'dom0', term: 'Dom0' }] },
      { number: 2, label: 'I–Z', href: '/reference/glossary/i-z/', slug: 'i-z', letters: ['P'], entries: [{ id: 'pv', term: 'PV' }] },
    ];
    expect(glossaryUrl('dom0', pages)).toBe('/reference/glossary/#dom0');
    expect(glossaryUrl('pv', pages)).toBe('/reference/glossary/i-z/#pv');
    expect(markdownUrl('guides/boot-xen')).toBe('/guides/boot-xen.md');
  });

  it('explains a folder that disagrees with the kind', () => {
    expect(folderMismatch('guides/boot-xen', 'guide')).toBeNull();
    expect(folderMismatch('guides/boot-xen', 'feature')).toEqual({
      field: 'kind',
      message: 'the file is in guides/ but says kind: feature',
      fix: 'set kind: guide, or move the file to content/articles/features/',
    });
    expect(folderMismatch('guides/boot/xen', 'guide')?.message).toMatch(/, not "guides\/boot"/);
    expect(folderMismatch('misc/boot-xen', 'guide')?.message).toMatch(/articles live in one of content\/articles\/\{features,guides,comparisons,reference\}\/, not "misc"/);
  });
});

describe('reading time', () => {
  it('counts prose words and a third of code words', () => {
    expect(countWords('One two three.')).toBe(3);
    expect(countWords('Intro words here.\n\n```sh\nxm list\nxm info\nxm dmesg\n```\n')).toBe(3 + 2);
    expect(countWords('<Callout type="note">\n\nSee [the guide](/guides/boot-xen/).\n\n</Callout>')).toBe(3);
  });

  it('rounds to whole minutes, never below one', () => {
    expect(readingMinutes('short')).toBe(1);
    expect(readingMinutes(Array(1000).fill('word').join(' '))).toBe(5);
  });
});

describe('table of contents', () => {
  it('nests h3 under h2 and drops other levels', () => {
    const toc = buildToc([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc.map((i) => [i.slug, i.children.map((c) => c.slug)])).toEqual([
      ['a', ['a1']],
      ['b', []],
    ]);
  });

  it('keeps an h3 before any h2 at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }]).map((i) => i.slug)).toEqual(['x']);
  });
});

const article = (id: string, kind: ArticleLike['data']['kind'], order: number, topics: string[], related: string[] = []): ArticleLike => ({
  id,
  data: { title: id, kind, order, topics, related: related.map((r) => ({ id: r })) },
});
const articles = [
  article('guides/b', 'guide', 2, ['setup']),
  article('guides/a', 'guide', 1, ['setup', 'power']),
  article('guides/c', 'guide', 3, ['power']),
  article('features/p', 'feature', 1, ['power'], ['guides/c']),
  article('features/q', 'feature', 2, ['ras']),
];

describe('collate', () => {
  it('sorts by order then title', () => {
    expect(sortArticles(articles).map((a) => a.id)).toEqual(['features/p', 'guides/a', 'features/q', 'guides/b', 'guides/c']);
  });

  it('finds previous and next within the section only', () => {
    const { prev, next } = prevNext(articles, 'guides/b');
    expect([prev?.id, next?.id]).toEqual(['guides/a', 'guides/c']);
    expect(prevNext(articles, 'features/p').prev).toBeUndefined();
    expect(prevNext(articles, 'nope')).toEqual({});
  });

  it('puts named related articles first, then ones sharing topics', () => {
    expect(relatedArticles(articles, 'features/p').map((a) => a.id)).toEqual(['guides/c', 'guides/a']);
    expect(relatedArticles(articles, 'features/q')).toEqual([]);
  });

  it('finds exactly what sorting the whole list for each article found, for every article of a large list', () => {
    // The implementation before prevNext and relatedArticles read a per-list index.
    const referencePrevNext = (list: readonly ArticleLike[], id: string) => {
      const current = list.find((a) => a.id === id);
      if (!current) return {};
      const section = sortArticles(list.filter((a) => a.data.kind === current.data.kind));
      const index = section.findIndex((a) => a.id === id);
      return { prev: section[index - 1], next: section[index + 1] };
    };
    const referenceRelated = (list: readonly ArticleLike[], id: string, limit = 4) => {
      const current = list.find((a) => a.id === id);
      if (!current) return [];
      const named = current.data.related.map((r) => (typeof r === 'string' ? r : r.id));
      const byId = new Map(list.map((a) => [a.id, a]));
      const picked = named.map((n) => byId.get(n)).filter((a): a is ArticleLike => a !== undefined && a.id !== id);
      if (picked.length >= limit) return picked.slice(0, limit);
      const topics = new Set(current.data.topics);
      const others = sortArticles(list)
        .filter((a) => a.id !== id && !picked.includes(a))
        .map((a) => ({ a, shared: a.data.topics.filter((t) => topics.has(t)).length }))
        .filter(({ shared }) => shared > 0)
        .sort((x, y) => y.shared - x.shared);
      return [...picked, ...others.map(({ a }) => a)].slice(0, limit);
    };

    const random = seededRandom(34);
    const topics = ['power', 'setup', 'ras', 'client', 'io', 'memory', 'a,b'];
    const ids = Array.from({ length: 300 }, (_, i) => `articles/${i}`);
    // Few orders and titles, so that many articles tie on both and keep their list order.
    const list: ArticleLike[] = ids.map((id) => ({
      id,
      data: {
        title: random.pick(['Alpha', 'beta', 'Gamma', 'Éclair', 'delta', id]),
        kind: random.pick(KIND_IDS),
        order: random.int(0, 6),
        topics: random.some(0, 4, () => random.pick(topics)),
        related: random.some(0, 6, () => {
          const named = random.pick([...ids, ...ids, 'guides/missing']);
          return random.next() < 0.5 ? named : { id: named };
        }),
      },
    }));
    // Some articles name themselves.
    for (const article of list.slice(0, 20)) (article.data.related as (string | { id: string })[]).push(article.id);
    const idsOf = (found: readonly ArticleLike[]) => found.map((a) => a.id);
    const both = (pair: { prev?: ArticleLike; next?: ArticleLike }) => [pair.prev?.id, pair.next?.id];

    // A second, smaller list of the same articles has an index of its own.
    for (const articles of [list, list.filter((_, i) => i % 3 !== 0)]) {
      for (const id of [...articles.map((a) => a.id), 'guides/missing']) {
        expect(both(prevNext(articles, id)), id).toEqual(both(referencePrevNext(articles, id)));
        expect(idsOf(relatedArticles(articles, id)), id).toEqual(idsOf(referenceRelated(articles, id)));
        for (const limit of [0, 1, 2, 3, 7, 20]) {
          const expected = idsOf(referenceRelated(articles, id, limit));
          expect(idsOf(relatedArticles(articles, id, limit)), `${id}, limit ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it('groups by topic in reading order', () => {
    const groups = byTopic(articles);
    expect(groups.get('power')?.map((a) => a.id)).toEqual(['features/p', 'guides/a', 'guides/c']);
    expect([...groups.keys()].sort()).toEqual(['power', 'ras', 'setup']);
  });
});

describe('synonyms', () => {
  const groups = [
    ['P-states', 'cpufreq', 'frequency scaling'],
    ['type 2', 'type II', 'hosted hypervisor'],
    ['menu.lst', 'GRUB legacy'],
  ];
  it('adds the other names of a thing the page mentions', () => {
    expect(synonymsFor('Xen uses cpufreq governors.', groups)).toEqual(['P-states', 'frequency scaling']);
    expect(synonymsFor('A type II hypervisor', groups)).toEqual(['type 2', 'hosted hypervisor']);
    expect(synonymsFor('Edit /boot/grub/menu.lst', groups)).toEqual(['GRUB legacy']);
  });
  it('adds nothing for pages that mention none', () => {
    expect(synonymsFor('Machine checks', groups)).toEqual([]);
  });
});

describe('git dates', () => {
  it('reads the last commit date of each file in one pass', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'kb-git-'));
    onTestFinished(() => rmSync(repo, { recursive: true, force: true }));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: args.includes('second') ? '2026-02-01T00:00:00Z' : '2026-01-01T00:00:00Z' } });
    git('init', '-q');
    mkdirSync(path.join(repo, 'content'));
    writeFileSync(path.join(repo, 'content/a.mdx'), 'a');
    writeFileSync(path.join(repo, 'content/b.mdx'), 'b');
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(path.join(repo, 'content/b.mdx'), 'b2');
    git('commit', '-qam', 'second');
    const dates = readGitDates('content', repo);
    expect(dates.get('content/a.mdx')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(dates.get('content/b.mdx')?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('returns nothing outside a repository', () => {
    expect(readGitDates('content', tmpdir()).size).toBe(0);
  });
});

describe('small helpers', () => {
  it('names diagrams in kebab-case', () => {
    expect(diagramName('../diagrams/XenArchitecture.astro')).toBe('xen-architecture');
    expect(diagramName('../diagrams/PowerStates.astro')).toBe('power-states');
    expect(diagramName('../diagrams/MCAFlow.astro')).toBe('mca-flow');
  });

  it('formats dates for readers and machines', () => {
    expect(formatDate(new Date('2009-05-18T00:00:00Z'))).toBe('18 May 2009');
    expect(isoDate(new Date('2009-05-18T12:00:00Z'))).toBe('2009-05-18');
  });

  it('builds edit and report links from the one repository setting', () => {
    expect(editUrl('content/articles/guides/boot-xen.mdx')).toBe(`${SITE.repository}/edit/main/content/articles/guides/boot-xen.mdx`);
    const report = new URL(reportUrl('Boot Xen', 'https://x/guides/boot-xen/'));
    expect(report.pathname).toMatch(/\/issues\/new$/);
    expect(report.searchParams.get('title')).toBe('Correction: Boot Xen');
    expect(report.searchParams.get('page')).toBe('https://x/guides/boot-xen/');
  });
});

describe('article problems', () => {
  it('names the file and explains a folder/kind mismatch and an unknown related id', async () => {
    const { articleProblems } = await import('../../src/lib/article-problems.ts');
    const problems = articleProblems([
      { id: 'guides/boot-xen', filePath: 'content/articles/guides/boot-xen.mdx', data: { kind: 'feature', related: [{ id: 'guides/nope' }] } },
      { id: 'guides/ok', data: { kind: 'guide', related: [{ id: 'guides/boot-xen' }] } },
    ]);
    expect(problems).toEqual([
      'content/articles/guides/boot-xen.mdx: kind — the file is in guides/ but says kind: feature — set kind: guide, or move the file to content/articles/features/',
      'content/articles/guides/boot-xen.mdx: related — "guides/nope" is not an article. Use an id such as guides/boot-xen (folder/file name without .mdx).',
    ]);
  });
});

describe('inline code in data strings', () => {
  it('turns backtick runs into code parts', async () => {
    const { splitInlineCode } = await import('../../src/lib/inline-code.ts');
    expect(splitInlineCode('Set `max_cstate=1` to stay in C1.')).toEqual([{ text: 'Set ' }, { code: 'max_cstate=1' }, { text: ' to stay in C1.' }]);
    expect(splitInlineCode('no code, a lone ` tick')).toEqual([{ text: 'no code, a lone ` tick' }]);
  });
});

describe('firstSentence', () => {
  it('keeps the first sentence of a glossary definition for the term tooltip', () => {
    expect(firstSentence('The Xen daemon in Dom0. It reads xend-config.sxp.')).toBe('The Xen daemon in Dom0.');
    expect(firstSentence('Xen 3.4 reads xm.py and menu.lst. Then more.')).toBe('Xen 3.4 reads xm.py and menu.lst.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});
