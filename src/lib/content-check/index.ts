import { SECTIONS } from '../../schemas/kinds.ts';
import { TOPIC_IDS } from '../../schemas/topics.ts';
import { checkBody, type InternalLink } from './body.ts';
import { LIST_FILES, checkListFile, checkProductFile, type DataFileResult } from './data-files.ts';
import { checkFrontmatter, fieldWhere, type FrontmatterResult } from './frontmatter.ts';
import { closest, sortProblems, type Problem } from './problem.ts';
import { checkSourceFacts } from './source-facts.ts';
import type { SourceManifests } from '../xen-source/manifests.ts';
import { LEDGER_FILE } from '../../schemas/ledger.ts';

export { formatProblem, githubAnnotation, type Problem } from './problem.ts';

/** An article file as read from disk. */
export interface ArticleFile {
  /** Path shown in messages. */
  file: string;
  /** `<section>/<slug>`: its path under content/articles/ without `.mdx`. */
  id: string;
  source: string;
}

/** Everything the content check looks at, read from disk by `readContent`. */
export interface ContentInput {
  articles: ArticleFile[];
  /** Data list files by name (`glossary.yaml`), with the path shown in messages. */
  dataFiles: { name: string; file: string; text: string }[];
  /** Product files of the comparison matrix. */
  products: { file: string; text: string }[];
  /** Diagram names available to `<Diagram name>`. */
  diagramNames: string[];
  /** Files under public/, as URL paths (`/favicon.svg`). */
  publicFiles: string[];
  /** URL paths of pages that are not articles (`/`, `/search/`, `/guides/`). */
  otherPages: string[];
  /** How the glossary file is named in messages. */
  glossaryFile: string;
  /** The source manifests in <content>/source/, when the folder has them. */
  manifests?: SourceManifests;
  /** Every article and data file the audit ledger must cover: its path inside the content folder and as shown. */
  audited: { relative: string; file: string }[];
}

/** The outcome of a check. */
export interface CheckResult {
  problems: Problem[];
  articleCount: number;
  dataFileCount: number;
}

/** URL paths of the pages the site builds besides articles, from its routes. */
export function defaultOtherPages(): string[] {
  return ['/', '/search/', '/topics/', '/rss.xml', ...SECTIONS.map((s) => `/${s}/`), ...TOPIC_IDS.map((t) => `/topics/${t}/`)];
}

/** Runs every content check and returns every problem, in file and line order. */
export function checkContent(input: ContentInput): CheckResult {
  const problems: Problem[] = [];

  // Data files first: the glossary ids are needed to check <Term>.
  const data = new Map<string, DataFileResult>();
  for (const { name, file, text } of input.dataFiles) {
    const spec = LIST_FILES.find((candidate) => candidate.name === name);
    if (!spec) continue;
    const result = checkListFile(file, text, spec);
    data.set(name, result);
    problems.push(...result.problems);
  }
  for (const { file, text } of input.products) problems.push(...checkProductFile(file, text).problems);
  const glossary = data.get('glossary.yaml');
  const glossaryIds = new Set(
    (glossary?.entries ?? [])
      .map((entry) => (entry as { id?: unknown })?.id)
      .filter((id): id is string => typeof id === 'string'),
  );

  interface Checked {
    article: ArticleFile;
    front: FrontmatterResult;
    links: InternalLink[];
  }
  const checked: Checked[] = [];
  for (const article of input.articles) {
    const front = checkFrontmatter(article.file, article.id, article.source);
    const body = checkBody(article.file, article.source, {
      glossaryIds,
      diagramNames: new Set(input.diagramNames),
      glossaryFile: input.glossaryFile,
    });
    problems.push(...front.problems, ...body.problems);
    checked.push({ article, front, links: body.links });
  }

  // Across articles: duplicate titles and slugs, related ids, links between pages.
  const byId = new Map(checked.map((entry) => [entry.article.id, entry]));
  const isDraft = (entry: Checked) => entry.front.raw?.draft === true;
  // A duplicate is reported on both files, so that checking either one alone shows it.
  const groups = (key: (entry: Checked) => string | undefined) => {
    const map = new Map<string, Checked[]>();
    for (const entry of checked) {
      const value = key(entry);
      if (value !== undefined) map.set(value, [...(map.get(value) ?? []), entry]);
    }
    return [...map.values()].filter((group) => group.length > 1);
  };
  const others = (group: Checked[], entry: Checked) =>
    group
      .filter((other) => other !== entry)
      .map((other) => other.article.file)
      .join(' and ');
  for (const group of groups(({ front }) =>
    typeof front.raw?.title === 'string' && front.raw.title.trim()
      ? front.raw.title.trim().toLowerCase().replace(/\s+/g, ' ')
      : undefined,
  )) {
    for (const entry of group) {
      problems.push({
        file: entry.article.file,
        ...fieldWhere(entry.front, ['title']),
        rule: 'title/duplicate',
        message: `the title "${String(entry.front.raw?.title)}" duplicates the title of ${others(group, entry)}`,
        fix: 'give each article a title of its own; readers tell pages apart by their titles',
      });
    }
  }
  for (const group of groups(({ article }) => article.id.toLowerCase())) {
    for (const entry of group) {
      problems.push({
        file: entry.article.file,
        line: 1,
        column: 1,
        rule: 'slug/duplicate',
        message: `the URL /${entry.article.id.toLowerCase()}/ is also claimed by ${others(group, entry)} (URLs ignore upper and lower case)`,
        fix: 'rename one of the files',
      });
    }
  }
  for (const group of groups(({ article }) => article.id.toLowerCase().split('/').pop())) {
    const sections = new Set(group.map(({ article }) => article.id.toLowerCase()));
    if (sections.size < 2) continue; // the same id in different case: reported just above
    for (const entry of group) {
      problems.push({
        file: entry.article.file,
        line: 1,
        column: 1,
        rule: 'slug/duplicate',
        message: `the file name "${entry.article.id.split('/').pop()}" is also used by ${others(group, entry)}; two pages with one name confuse readers and search`,
        fix: 'rename the newer file to say what sets it apart (for example boot-xen-guide.mdx)',
      });
    }
  }

  const articleIds = [...byId.keys()];
  const pages = new Set([...input.otherPages, ...input.publicFiles]);
  for (const entry of checked) {
    const { article, front } = entry;
    const related = Array.isArray(front.raw?.related) ? (front.raw!.related as unknown[]) : [];
    related.forEach((value, index) => {
      if (typeof value !== 'string') return;
      const where = fieldWhere(front, ['related', index]);
      const target = byId.get(value);
      if (!target) {
        const guess = closest(value, articleIds);
        problems.push({
          file: article.file,
          ...where,
          rule: `related[${index}]`,
          message: `"${value}" is not an article`,
          fix: guess
            ? `did you mean ${guess}? Related articles are written as <section>/<file name>`
            : 'use an article id such as guides/boot-xen (the folder and file name without .mdx)',
        });
      } else if (target === entry) {
        problems.push({
          file: article.file,
          ...where,
          rule: `related[${index}]`,
          message: 'the article lists itself as related',
          fix: `remove ${value}`,
        });
      } else if (isDraft(target) && !isDraft(entry)) {
        problems.push({
          file: article.file,
          ...where,
          rule: `related[${index}]`,
          message: `${value} is a draft, so it is not published`,
          fix: `remove ${value} until it is published`,
        });
      }
    });

    for (const link of entry.links) {
      const rule = link.image ? 'image/src' : 'link/internal';
      let path: string;
      try {
        path = decodeURI(link.path);
      } catch {
        path = link.path;
      }
      if (pages.has(path)) continue;
      const id = path.replace(/^\/|\/$/g, '');
      const target = byId.get(id);
      if (path.endsWith('/') && target) {
        if (isDraft(target) && !isDraft(entry)) {
          problems.push({
            file: article.file,
            ...link.where,
            rule,
            message: `${path} is a draft, so it is not published`,
            fix: 'remove the link until that article is published',
          });
        }
        continue;
      }
      if (!path.endsWith('/') && (byId.has(id) || pages.has(`${path}/`))) {
        problems.push({
          file: article.file,
          ...link.where,
          rule,
          message: `${link.url} has no trailing slash`,
          fix: `write ${path}/${link.fragment ? `#${link.fragment}` : ''} — every page URL ends with /`,
        });
        continue;
      }
      if (link.image) {
        problems.push({
          file: article.file,
          ...link.where,
          rule,
          message: `there is no file public${path}`,
          fix: 'put the image under public/ and link to it from the site root, such as /images/xen-layout.png',
        });
        continue;
      }
      const guess = closest(path, [...articleIds.map((a) => `/${a}/`), ...input.otherPages]);
      problems.push({
        file: article.file,
        ...link.where,
        rule,
        message: `${link.url} is not a page of this site`,
        fix: guess
          ? `did you mean ${guess}${link.fragment ? `#${link.fragment}` : ''}?`
          : 'link to an article as /<section>/<file name>/, such as /guides/boot-xen/',
      });
    }
  }

  const ledgerData = () => {
    const ledger = input.dataFiles.find(({ name }) => name === LEDGER_FILE);
    const result = ledger && data.get(LEDGER_FILE);
    return ledger && result ? { file: ledger.file, entries: result.entries, yaml: result.yaml } : undefined;
  };
  // Facts against the Xen source: data rows, menu.lst lines, citations of the tree, the ledger.
  if (input.manifests) {
    problems.push(
      ...checkSourceFacts({
        manifests: input.manifests,
        dataFiles: new Map(
          input.dataFiles.filter(({ name }) => data.has(name)).map(({ name, file }) => [name, { file, entries: data.get(name)!.entries, yaml: data.get(name)!.yaml }]),
        ),
        texts: [
          ...input.articles.map(({ file, source }) => ({ file, text: source })),
          ...input.dataFiles.map(({ file, text }) => ({ file, text })),
          ...input.products,
        ],
        articles: input.articles,
        ledger: ledgerData(),
        audited: input.audited,
      }),
    );
  }

  // Glossary entries point readers to articles; those must exist too.
  if (glossary) {
    glossary.entries.forEach((entry, index) => {
      const articles = (entry as { articles?: unknown })?.articles;
      if (!Array.isArray(articles)) return;
      articles.forEach((value, position) => {
        if (typeof value === 'string' && !byId.has(value)) {
          const guess = closest(value, articleIds);
          problems.push({
            file: input.glossaryFile,
            ...glossary.yaml.locate([index, 'articles', position]),
            rule: 'articles',
            message: `"${value}" is not an article`,
            fix: guess ? `did you mean ${guess}?` : 'use an article id such as guides/boot-xen',
          });
        }
      });
    });
  }

  return {
    problems: sortProblems(problems),
    articleCount: input.articles.length,
    dataFileCount: input.dataFiles.length + input.products.length,
  };
}
