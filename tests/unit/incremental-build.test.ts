import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { copyProject } from '../project-copy.ts';

/**
 * The rebuild after an edit, on a copy of the real site: Astro reuses the pages that did not
 * change (experimental.incrementalBuild with the keys of src/lib/page-cache.ts) and the
 * articles it compiled before (src/integrations/mdx-cache.ts), and the reader still sees every
 * change. Three builds of the site: about a minute on a two-core machine.
 */
const copy = copyProject('incremental');
afterAll(() => copy.remove());

const astro = path.join(copy.dir, 'node_modules/astro/bin/astro.mjs');
const article = (id: string) => path.join(copy.dir, 'content/articles', `${id}.mdx`);
const page = (file: string) => readFileSync(path.join(copy.dir, 'dist', file), 'utf8');

/** Runs `astro build` in the copy; returns its log without colours. */
function build(): string {
  const run = spawnSync(process.execPath, [astro, 'build'], { cwd: copy.dir, env: copy.env, encoding: 'utf8' });
  const log = stripVTControlCharacters(`${run.stdout}${run.stderr}`);
  if (run.status !== 0) throw new Error(`astro build failed (${run.status}):\n${log.slice(-3000)}`);
  return log;
}

/** How many pages (HTML) whose path matches `path` the log says were reused from the last build. */
const reusedPages = (log: string, path: RegExp) => log.split('\n').filter((line) => /\.html \((restored|cached)\)/.test(line) && path.test(line)).length;
/** How many article pages were reused. */
const reused = (log: string) => reusedPages(log, /\/(features|guides|comparisons|reference)\/[^/]+\/index\.html /);
/** Every file of the build, by path. */
const files = () => readdirSync(path.join(copy.dir, 'dist'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(path.join(copy.dir, 'dist'), path.join(entry.parentPath, entry.name))).sort();
/** Puts a file into the build folder as if an earlier build had made it. */
function leftOver(file: string) {
  mkdirSync(path.dirname(path.join(copy.dir, 'dist', file)), { recursive: true });
  writeFileSync(path.join(copy.dir, 'dist', file), 'left from an earlier build');
}

/** The pages that list a section's articles: its index and its further pages. */
function sectionLists(section: string): string[] {
  const more = path.join(copy.dir, 'dist', section, 'page');
  return [`${section}/index.html`, ...(existsSync(more) ? readdirSync(more).map((n) => `${section}/page/${n}/index.html`) : [])];
}

test('after an edit, a rebuild renders and compiles only what changed, and shows every change', { timeout: 300_000 }, () => {
  const cold = build();
  expect(reused(cold)).toBe(0);
  const articles = cold.match(/(\d+) MDX files compiled, 0 unchanged/);
  expect(articles, 'the first build compiles every article').not.toBeNull();
  const total = Number(articles![1]);
  const built = files();

  // What an earlier build made and this one does not (the page of a deleted article, an asset
  // whose name changed) goes, though the build folder is kept (src/integrations/keep-output.ts).
  leftOver('features/an-article-deleted-since/index.html');
  leftOver('_astro/Base.0ld0ld0l.css');

  // One article's body changes: only its pages render again, only it is compiled again.
  const sentence = 'This sentence was added to measure a rebuild.';
  appendFileSync(article('features/xsm-flask'), `\n\n${sentence}\n`);
  const edited = build();
  expect(edited).toContain(`1 MDX files compiled, ${total - 1} unchanged ones taken from the cache`);
  expect(reused(edited)).toBe(total - 1);
  expect(edited).toMatch(/\/features\/xsm-flask\/index\.html \(\+/);
  expect(files()).toEqual(built);
  expect(page('features/xsm-flask/index.html')).toContain(sentence);
  expect(page('features/xsm-flask.md')).toContain(sentence);
  expect(page('llms-full.txt')).toContain(sentence);
  // A page taken from the cache is the page as it was.
  expect(page('guides/boot-xen/index.html')).toContain('<h1');
  // Lists of articles show no article's text, so they are reused too.
  expect(reusedPages(edited, /\/topics\/[^/]+\/index\.html /)).toBeGreaterThan(0);
  expect(reusedPages(edited, /\/(features|guides|comparisons|reference)\/index\.html /)).toBe(4);

  // A title changes: every page that shows it (here the next article's "Previous" link) renders again.
  const previousOf = page('guides/boot-xen/index.html').match(/<a [^>]*href="([^"]+)" rel="prev"/)?.[1];
  expect(previousOf, 'guides/boot-xen has a previous article').toBeDefined();
  const retitled = previousOf!.replace(/^\/|\/$/g, '');
  const file = article(retitled);
  // The new title keeps the old one in front, so the article keeps its place among others of the
  // same order, which are sorted by title.
  const source = readFileSync(file, 'utf8');
  const oldTitle = source.match(/^title: "(.*)"$/m)![1]!;
  const newTitle = `${oldTitle}, a title changed to test the rebuild`;
  writeFileSync(file, source.replace(/^title: .*$/m, `title: "${newTitle}"`));
  const retitledBuild = build();
  expect(reused(retitledBuild)).toBe(0);
  expect(page('guides/boot-xen/index.html')).toContain(newTitle);
  expect(page(`${retitled}.md`)).toContain(`# ${newTitle}`);
  expect(page('llms-full.txt')).toContain(`# ${newTitle}`);
  // …and every list of articles that holds it.
  expect(sectionLists(retitled.split('/')[0]!).some((file) => page(file).includes(newTitle))).toBe(true);
});
