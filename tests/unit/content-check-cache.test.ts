import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { cacheFileFor, fileCache } from '../../src/lib/content-check/cache.ts';
import { checkContent, formatProblem, type CheckCache, type ContentInput } from '../../src/lib/content-check/index.ts';
import { readContent } from '../../src/lib/content-check/read.ts';
import { tempFolder } from '../temp-folder.ts';

const VALID = 'tests/fixtures/content-check/valid';
const GUIDE = 'guides/fixture-guide';

/** The valid fixture, with the guide's source changed by `edit`. */
function content(edit: (source: string) => string = (source) => source): ContentInput {
  const input = readContent(VALID, { root: process.cwd() });
  return { ...input, articles: input.articles.map((article) => (article.id === GUIDE ? { ...article, source: edit(article.source) } : article)) };
}

/** A cache in memory that counts what was stored in it (a result computed, not reused). */
function memoryCache(): CheckCache & { stored: number } {
  const entries = new Map<string, unknown>();
  return {
    stored: 0,
    get: (key) => entries.get(key),
    set(key, value) {
      this.stored++;
      entries.set(key, value);
    },
  };
}

const messages = (input: ContentInput, cache?: CheckCache) => checkContent(input, { cache, salt: 'code' }).problems.map(formatProblem);

/** The guide with three problems: a related article, a link and a glossary term that do not exist. */
const withProblems = (source: string) =>
  source
    .replace('estimatedMinutes: 20', 'estimatedMinutes: 20\nrelated: [guides/fixture-other]')
    .replace('Follow the steps, then check the result.', 'Follow the steps, see <Term id="pv-grub" /> and [the guide](/guides/fixture-other/).');

test('a second run takes every article from the cache and reports the same problems', () => {
  const cache = memoryCache();
  const input = content(withProblems);
  const first = messages(input, cache);
  expect(first).toHaveLength(3);
  expect(first.join('\n')).toMatch(/pv-grub/);
  expect(first.join('\n')).toMatch(/\/guides\/fixture-other\/ is not a page/);
  const stored = cache.stored;
  expect(stored).toBeGreaterThan(0);
  expect(messages(input, cache)).toEqual(first);
  expect(cache.stored).toBe(stored);
  expect(messages(input)).toEqual(first);
});

test('an article is checked again when it changes, or when what it refers to does', () => {
  const cache = memoryCache();
  expect(messages(content(withProblems), cache)).toHaveLength(3);
  // The article changes: its problems go.
  expect(messages(content(), cache)).toEqual([]);
  // The glossary gains the term: the unchanged article's problem about it goes.
  const input = content(withProblems);
  const glossary = input.dataFiles.find(({ name }) => name === 'glossary.yaml')!;
  const term = `- id: pv-grub\n  term: PV-GRUB\n  definition: "A GRUB that runs as a PV guest."\n  sources:\n    - { title: "Xen source at the 3.4 branch point: README", url: "https://github.com/xen-project/xen/blob/20a0b3ef152ef0f6a83b4644911086af85f2938d/README#L120" }\n\n`;
  const withTerm = { ...input, dataFiles: input.dataFiles.map((file) => (file === glossary ? { ...file, text: term + file.text } : file)) };
  expect(messages(withTerm, cache).join('\n')).not.toMatch(/pv-grub/);
  // A new article appears: neither the related article nor the link is missing any more.
  const other = { ...content().articles.find((a) => a.id === GUIDE)!, id: 'guides/fixture-other', file: 'articles/guides/fixture-other.mdx' };
  const withArticle = { ...withTerm, articles: [...withTerm.articles, { ...other, source: other.source.replace(/^title: .*$/m, 'title: "Another fixture guide"') }] };
  expect(messages(withArticle, cache)).toEqual([]);
});

test('the cache file keeps what the last run used, and a broken file is an empty cache', () => {
  const dir = tempFolder('check-cache');
  const file = cacheFileFor(VALID, dir);
  const first = fileCache(file);
  first.set('a', { problems: [] });
  first.set('b', 1);
  first.save();
  const second = fileCache(file);
  expect(second.get('a')).toEqual({ problems: [] });
  second.save();
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['a']);
  writeFileSync(file, '{"a": ');
  const broken = fileCache(file);
  expect(broken.get('a')).toBeUndefined();
  expect(checkContent(content(), { cache: broken, salt: 'code' }).problems).toEqual([]);
  // Each content folder has its own file.
  expect(cacheFileFor('tests/fixtures/content-check/import', dir)).not.toBe(file);
});
