/**
 * After a build: checks that every internal link and #fragment on every built page leads to a
 * page and an element that exist, and reports each broken one against the file it was written
 * in — the article's .mdx for article pages, the route in src/pages/ for the others.
 *
 *   npm run build && npm run check:links        (KB_OUT_DIR picks another build folder)
 *
 * Exits 1 when a link is broken, 2 when there is no build to check.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest, formatProblem, githubAnnotation, sortProblems, type Problem } from '../src/lib/content-check/problem.ts';
import { findLinkInSource, pageUrl, readPage, resolveLink, sourceOfPage } from '../src/lib/link-check.ts';
import { SITE } from '../src/site.config.ts';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.KB_OUT_DIR ?? 'dist');
const contentDir = path.resolve(process.env.KB_CONTENT_DIR ?? 'content');

const filesBelow = (dir: string): string[] =>
  existsSync(dir)
    ? (readdirSync(dir, { recursive: true }) as string[])
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => statSync(path.join(dir, f)).isFile())
    : [];
const shown = (absolute: string) => {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
};

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`No built site in ${shown(outDir)}: run \`npm run build\` first (or set KB_OUT_DIR to the build folder).`);
  process.exit(2);
}

const builtFiles = filesBelow(outDir);
const builtUrls = new Set(builtFiles.map((file) => `/${file}`));
const pages = new Map<string, ReturnType<typeof readPage>>();
for (const file of builtFiles.filter((f) => f.endsWith('.html'))) {
  pages.set(pageUrl(file), readPage(readFileSync(path.join(outDir, file), 'utf8')));
}

const articleFiles = filesBelow(path.join(contentDir, 'articles')).filter((f) => f.endsWith('.mdx'));
const articleIds = new Set(articleFiles.map((f) => f.replace(/\.mdx$/, '')));
const routes = filesBelow(path.join(root, 'src/pages'));
const sources = new Map<string, string>();
const articleSource = (id: string) => {
  if (!sources.has(id)) sources.set(id, readFileSync(path.join(contentDir, 'articles', `${id}.mdx`), 'utf8'));
  return sources.get(id)!;
};

/** "did you mean X? Then the advice." or just the advice. */
const guessFirst = (guess: string | undefined, advice: string) =>
  guess ? `did you mean ${guess}? ${advice.charAt(0).toUpperCase()}${advice.slice(1)}` : advice;

const problems: Problem[] = [];
/** Links made by a layout or component, reported once per URL with the pages they are on. */
const generated = new Map<string, { file: string; rule: string; message: string; fix: string; pages: string[] }>();
let linkCount = 0;

for (const [from, page] of pages) {
  for (const link of page.links) {
    const target = resolveLink(link.url, from, SITE.url);
    if (!target) continue;
    linkCount++;
    let rule = '';
    let message = '';
    let fix = '';
    const file = target.path.endsWith('/') ? `${target.path}index.html` : target.path;
    if (!builtUrls.has(file)) {
      if (!target.path.endsWith('/') && builtUrls.has(`${target.path}/index.html`)) {
        rule = 'link/trailing-slash';
        message = `${link.url} has no trailing slash`;
        fix = `write ${target.path}/${target.fragment ? `#${target.fragment}` : ''}; every page URL ends with /`;
      } else {
        rule = 'link/broken';
        message =
          link.url === target.path
            ? `there is no page ${target.path} in the build`
            : `${link.url} leads to ${target.path}, which is not in the build`;
        const guess = closest(target.path, [...pages.keys()]);
        fix = guess ? `did you mean ${guess}?` : 'link to a page that exists; article URLs are /<section>/<file name>/';
      }
    } else if (target.fragment && target.fragment !== 'top' && !target.fragment.startsWith(':~:') && file.endsWith('.html')) {
      const ids = pages.get(pageUrl(file.slice(1)))?.ids ?? new Set<string>();
      if (!ids.has(target.fragment)) {
        rule = 'link/fragment';
        const guess = closest(target.fragment, ids);
        if (target.path.startsWith('/reference/glossary/')) {
          message = `${link.url}: the glossary has no entry "${target.fragment}" on ${target.path}`;
          fix = guessFirst(guess, 'use <Term id="…"> with an id from content/glossary.yaml (it links to the right page of the glossary), or add the entry there');
        } else {
          message = `${link.url}: ${target.path} has no heading or anchor with the id "${target.fragment}"`;
          fix = guessFirst(
            guess && `#${guess}`,
            `a heading's id is its text in lower case with hyphens (## Check it worked → #check-it-worked); open ${target.path} and copy the link from its table of contents`,
          );
        }
      }
    }
    if (!rule) continue;

    const source = sourceOfPage(from, articleIds, routes);
    if (source?.kind === 'article') {
      const articleFile = shown(path.join(contentDir, 'articles', `${source.id}.mdx`));
      const where = findLinkInSource(articleSource(source.id), link.url);
      if (where) {
        problems.push({ file: articleFile, ...where, rule, message, fix });
        continue;
      }
    }
    // Not written in an article: a layout or component made it, so report it once per URL.
    const routeFile = source
      ? shown(path.join(root, 'src/pages', source.kind === 'route' ? source.id : '[section]/[slug].astro'))
      : shown(path.join(root, 'src/pages'));
    const key = `${routeFile} ${link.url}`;
    const entry = generated.get(key) ?? { file: routeFile, rule, message, fix, pages: [] };
    entry.pages.push(from);
    generated.set(key, entry);
  }
}
for (const entry of generated.values()) {
  const list = entry.pages.slice(0, 3).join(', ') + (entry.pages.length > 3 ? ` and ${entry.pages.length - 3} more` : '');
  problems.push({
    file: entry.file,
    line: 1,
    column: 1,
    rule: entry.rule,
    message: `${entry.message} (on ${list}; made by this route, its layout or a component, not written in an article)`,
    fix: entry.fix,
  });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const sorted = sortProblems(problems);
for (const problem of sorted) {
  console.error(formatProblem(problem));
  if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(problem));
}
if (sorted.length) {
  console.error(
    `✗ ${sorted.length} broken ${sorted.length === 1 ? 'link' : 'links'} (checked ${linkCount} internal links on ${pages.size} pages in ${shown(outDir)}, ${seconds} s).`,
  );
  process.exit(1);
}
console.log(`✓ Link check passed: ${linkCount} internal links on ${pages.size} pages in ${shown(outDir)} (${seconds} s).`);
