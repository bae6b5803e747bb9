/**
 * Checks every article and data file before the site is built, and prints each problem as
 *
 *   file:line:column  field/rule — what is wrong. Fix: how to fix it.
 *
 * Usage:
 *   node scripts/check-content.ts                   the content folder (KB_CONTENT_DIR or content/)
 *   node scripts/check-content.ts <folder>          another content folder (tests/fixtures/…)
 *   node scripts/check-content.ts <file.mdx>        one article, checked against the rest of its folder
 *
 * Exits 1 when there is any problem. On GitHub Actions each problem also becomes an annotation
 * on the pull request's diff. Each article's own results are kept in the build's cache folder
 * (src/lib/content-check/cache.ts), so a run after one article changed checks that one again.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { cacheFileFor, checkSalt, fileCache } from '../src/lib/content-check/cache.ts';
import { checkContent, formatProblem, githubAnnotation } from '../src/lib/content-check/index.ts';
import { readContent } from '../src/lib/content-check/read.ts';
import { CACHE_DIR } from '../src/lib/paths.ts';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');
const targets = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (process.argv.includes('--help')) {
  console.log('Usage: node scripts/check-content.ts [content-folder | article.mdx ...]');
  process.exit(0);
}
if (targets.length === 0) targets.push(process.env.KB_CONTENT_DIR ?? 'content');

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
let failed = false;
for (const target of targets) {
  if (!existsSync(target)) {
    console.error(`${target}: no such file or folder.`);
    failed = true;
    continue;
  }
  // For a single article, check its whole content folder but report only that file.
  let contentDir = target;
  let only: string | undefined;
  if (statSync(target).isFile()) {
    const parts = path.resolve(target).split(path.sep);
    const at = parts.lastIndexOf('articles');
    if (at < 0) {
      console.error(`${target}: articles live in <content folder>/articles/<section>/<slug>.mdx.`);
      failed = true;
      continue;
    }
    contentDir = parts.slice(0, at).join(path.sep) || path.sep;
    only = path.resolve(target);
  }

  const input = readContent(contentDir, { root });
  // Each article's own results from the last run, reused when nothing they depend on changed.
  const cache = fileCache(cacheFileFor(contentDir, path.resolve(root, CACHE_DIR)));
  const result = checkContent(input, { cache, salt: checkSalt(root) });
  cache.save();
  const problems = only ? result.problems.filter((problem) => path.resolve(problem.file) === only) : result.problems;
  for (const problem of problems) {
    console.error(formatProblem(problem));
    if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(problem));
  }
  const checked = only
    ? path.relative(process.cwd(), only)
    : `${plural(result.articleCount, 'article')} and ${plural(result.dataFileCount, 'data file')} in ${contentDir}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    console.error(`✗ ${plural(problems.length, 'problem')} in ${plural(files, 'file')} (checked ${checked} in ${seconds} s).`);
    failed = true;
  } else {
    console.log(`✓ Content check passed: ${checked} (${seconds} s).`);
  }
}
if (failed) {
  console.error(
    '\nEach problem line says where it is (file:line:column), what is wrong and how to fix it.\nThe rules and the components are explained in CONTRIBUTING.md.',
  );
}
process.exit(failed ? 1 : 0);
