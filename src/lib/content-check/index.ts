import { z } from 'astro/zod';
import { makeArticleSchema } from '../../schemas/article.ts';
import { listFiles } from '../../schemas/data.ts';
import { LEDGER_FILE } from '../../schemas/ledger.ts';
import { hashOfParts } from '../file-hash.ts';
import type { SourceManifests } from '../xen-source/manifests.ts';
import { checkBody, type InternalLink } from './body.ts';
import { checkListFile, checkProductFile, type DataFile } from './data-files.ts';
import { checkFrontmatter, readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { closest, sortProblems, type Problem } from './problem.ts';
import { checkArticleSourceFacts, checkSourceFacts } from './source-facts.ts';

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

type Article = ArticleFile & Frontmatter;

/**
 * Results of earlier checks, by key (content-check/cache.ts keeps them in a file between runs).
 * A key is a hash of everything its result depends on, so a stored result is never stale.
 */
export interface CheckCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CheckOptions {
  cache?: CheckCache;
  /** A hash of the code that checks (content-check/cache.ts), part of every key. */
  salt?: string;
}

/** A hash of these values (src/lib/file-hash.ts). */
const keyOf = hashOfParts;

/** What an article's own checks found, stored in the cache. */
interface ArticleChecks {
  problems: Problem[];
  links: InternalLink[];
}

/**
 * Runs every content check and returns every problem, in file and line order. With a cache, an
 * article's own checks (frontmatter, body, facts against the source) are taken from it when the
 * article and all it is checked against are unchanged; what looks across articles always runs.
 */
export function checkContent(input: ContentInput, { cache, salt = '' }: CheckOptions = {}): CheckResult {
  // Every frontmatter is read first: related ids, links and duplicates look across articles.
  const readNow = new Set<ArticleFile>();
  const articles: Article[] = input.articles.map((article) => {
    const key = `frontmatter:${keyOf(salt, article.file, article.source)}`;
    const stored = cache?.get(key) as Pick<Frontmatter, 'problems' | 'raw'> | undefined;
    if (!stored) {
      const read = readFrontmatter(article.file, article.source);
      // Only what the checks across articles read: drafts and duplicate titles.
      cache?.set(key, { problems: read.problems, raw: read.raw && { title: read.raw.title, draft: read.raw.draft } });
      const fresh = { ...article, ...read };
      readNow.add(fresh);
      return fresh;
    }
    // The parsed YAML says where a field is; only a problem needs it, so it is read again then.
    let read: Frontmatter | undefined;
    return Object.defineProperty({ ...article, ...stored }, 'yaml', { get: () => (read ??= readFrontmatter(article.file, article.source)).yaml });
  });
  const problems = articles.flatMap((article) => article.problems);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const isDraft = (article?: Article) => article?.raw?.draft === true;
  const notAnArticle = (id: string) => {
    const guess = closest(id, byId.keys());
    return guess
      ? `did you mean ${guess}? Article ids are written as <section>/<file name>`
      : 'use an article id such as guides/boot-xen (the folder and file name without .mdx)';
  };

  /**
   * What reference('articles') is in the build: an article's id; here also not the article itself,
   * nor a draft from a published page. `from` names the article being checked, if any, when the
   * check runs, so that one schema serves every article (building a Zod schema per article took
   * 0.5 ms each, 5 s of a 10,000-article check).
   */
  const articleId = (from: () => Article | undefined = () => undefined) =>
    z.string().superRefine((id, ctx) => {
      const target = byId.get(id);
      const source = from();
      const [problem, message] = !target
        ? [`"${id}" is not an article`, notAnArticle(id)]
        : target === source
          ? ['the article lists itself as related', `remove ${id}`]
          : isDraft(target) && !isDraft(source)
            ? [`${id} is a draft, so it is not published`, `remove ${id} until it is published`]
            : [];
      if (problem) ctx.addIssue({ code: 'custom', message, params: { problem } });
    });

  const data = new Map<string, DataFile>();
  for (const list of Object.values(listFiles(articleId()))) {
    const given = input.dataFiles.find(({ name }) => name === list.file);
    if (given) data.set(list.file, checkListFile(given.file, given.text, list));
  }
  problems.push(...[...data.values()].flatMap((result) => result.problems));
  problems.push(...input.products.flatMap(({ file, text }) => checkProductFile(file, text)));
  const glossary = data.get('glossary.yaml')?.entries.map((entry) => (entry as { id?: unknown })?.id);
  const glossaryIds = new Set(glossary?.filter((id) => typeof id === 'string'));

  const context = { glossaryIds, diagramNames: new Set(input.diagramNames), glossaryFile: input.glossaryFile };
  const pages = new Set([...input.otherPages, ...input.publicFiles]);
  // What an article's own checks depend on besides its file: the other articles' ids and
  // drafts (related articles), the glossary and diagrams (body), the source manifests (facts).
  const shared = cache
    ? keyOf(
        salt,
        articles.map((article) => [article.id, isDraft(article)]),
        [...glossaryIds].sort(),
        [...context.diagramNames].sort(),
        context.glossaryFile,
        input.manifests ? keyOf(input.manifests) : null,
      )
    : '';
  /** The schema of every article's frontmatter; `checking` is the article it is checking. */
  let checking: Article | undefined;
  const articleSchema = makeArticleSchema(articleId(() => checking));
  /** The article's own checks: frontmatter against the schema, body, facts against the source. */
  const ownChecks = (article: Article): ArticleChecks => {
    const { file, source } = article;
    const key = `article:${keyOf(shared, file, article.id, source)}`;
    const stored = cache?.get(key) as ArticleChecks | undefined;
    if (stored) return stored;
    // The schema checks the frontmatter as read from the file, not as stored (JSON keeps no NaN).
    const frontmatter = readNow.has(article) ? article : readFrontmatter(file, source);
    const body = checkBody(file, source, context);
    checking = article;
    const checks = {
      problems: [
        ...checkFrontmatter(file, article.id, frontmatter, articleSchema),
        ...body.problems,
        ...(input.manifests ? checkArticleSourceFacts(file, source, input.manifests) : []),
      ],
      links: body.links,
    };
    cache?.set(key, checks);
    return checks;
  };
  for (const article of articles) {
    const { file } = article;
    const own = ownChecks(article);
    problems.push(...own.problems);
    for (const { url, path: written, fragment, where, image } of own.links) {
      const path = decoded(written);
      const target = byId.get(path.replace(/^\/|\/$/g, ''));
      const at = { file, ...where, rule: image ? 'image/src' : 'link/internal' };
      if (pages.has(path)) continue;
      if (target && path.endsWith('/')) {
        const fix = 'remove the link until that article is published';
        if (isDraft(target) && !isDraft(article))
          problems.push({ ...at, message: `${path} is a draft, so it is not published`, fix });
      } else if (!path.endsWith('/') && (target || pages.has(`${path}/`))) {
        const fix = `write ${path}/${fragment ? `#${fragment}` : ''} — every page URL ends with /`;
        problems.push({ ...at, message: `${url} has no trailing slash`, fix });
      } else if (image) {
        const fix = 'put the image under public/ and link to it from the site root, such as /images/xen-layout.png';
        problems.push({ ...at, message: `there is no file public${path}`, fix });
      } else {
        const guess = closest(path, [...[...byId.keys()].map((id) => `/${id}/`), ...input.otherPages]);
        const fix = guess
          ? `did you mean ${guess}${fragment ? `#${fragment}` : ''}?`
          : 'link to an article as /<section>/<file name>/, such as /guides/boot-xen/';
        problems.push({ ...at, message: `${url} is not a page of this site`, fix });
      }
    }
  }

  /** Reports every article whose key others share, on each of their files, so that checking either file alone shows it. */
  const duplicates = (
    key: (article: Article) => string | undefined,
    report: (article: Article, others: Article[]) => Problem | undefined,
  ) => {
    for (const [value, group] of Map.groupBy(articles, key)) {
      if (value === undefined || group.length < 2) continue;
      for (const article of group) {
        const others = group.filter((other) => other !== article);
        const problem = report(article, others);
        if (problem) problems.push(problem);
      }
    }
  };
  const files = (others: Article[]) => others.map((other) => other.file).join(' and ');
  duplicates(
    ({ raw }) => (typeof raw?.title === 'string' ? raw.title.trim().toLowerCase().replace(/\s+/g, ' ') || undefined : undefined),
    ({ file, raw, yaml }, others) => {
      const message = `the title "${String(raw?.title)}" duplicates the title of ${files(others)}`;
      const fix = 'give each article a title of its own; readers tell pages apart by their titles';
      return { file, ...yaml!.locate(['title']), rule: 'title/duplicate', message, fix };
    },
  );
  duplicates(
    ({ id }) => id.toLowerCase(),
    ({ file, id }, others) => {
      const message = `the URL /${id.toLowerCase()}/ is also claimed by ${files(others)} (URLs ignore upper and lower case)`;
      return { file, line: 1, column: 1, rule: 'slug/duplicate', message, fix: 'rename one of the files' };
    },
  );
  duplicates(
    ({ id }) => id.toLowerCase().split('/').pop(),
    ({ file, id }, group) => {
      // The same id in another case is reported as a URL above.
      const others = group.filter((other) => other.id.toLowerCase() !== id.toLowerCase());
      const message = `the file name "${id.split('/').pop()}" is also used by ${files(others)}; two pages with one name confuse readers and search`;
      const fix = 'rename the newer file to say what sets it apart (for example boot-xen-guide.mdx)';
      return others.length ? { file, line: 1, column: 1, rule: 'slug/duplicate', message, fix } : undefined;
    },
  );

  if (input.manifests) {
    problems.push(
      ...checkSourceFacts({
        manifests: input.manifests,
        dataFiles: data,
        texts: [...input.dataFiles, ...input.products],
        ledger: data.get(LEDGER_FILE),
        audited: input.audited,
      }),
    );
  }

  return {
    problems: sortProblems(problems),
    articleCount: input.articles.length,
    dataFileCount: input.dataFiles.length + input.products.length,
  };
}

/** A URL path with its %-escapes decoded, or as written when they are broken. */
function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
