/**
 * After a build: every page is at most 20 KB of gzipped HTML, an article's first visit (HTML,
 * stylesheets, scripts) at most 30 KB, and every long list (sections, topics, the glossary) is
 * split over pages that link to each other and are all in the sitemap, so no page grows with
 * the number of articles and neither readers nor crawlers meet a dead end.
 * Reads the built HTML with parse5 (src/lib/page-budget.ts).
 *
 *   npm run build && npm run check:pages            (KB_OUT_DIR picks another build folder)
 *   npm run check:pages -- --json report.json       also writes the figures as JSON
 *
 * Exits 1 when a page is over the budget or a list is broken, 2 when there is no build.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pageUrl } from '../src/lib/link-check.ts';
import { CONTENT_DIR } from '../src/lib/paths.ts';
import { ARTICLE_BUDGET_BYTES, checkPages, gzipBytes, kb, PAGE_BUDGET_BYTES, pageFacts, paginatedLists, sitemapLocations, type PageFacts } from '../src/lib/page-budget.ts';
import { pageWeight } from '../src/lib/page-weight.ts';

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });
const started = performance.now();
const outDir = path.resolve(process.env.KB_OUT_DIR ?? 'dist');
if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`No built site in ${outDir}: run \`npm run build\` first (or set KB_OUT_DIR to the build folder).`);
  process.exit(2);
}

const files = (readdirSync(outDir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html'));
const pages = new Map<string, { bytes: number; facts: PageFacts; firstVisit?: number }>();
for (const file of files) {
  const html = readFileSync(path.join(outDir, file));
  const url = pageUrl(file);
  const facts = pageFacts(html.toString('utf8'));
  // An article's first visit also loads stylesheets and scripts (the benchmark measures it the same way).
  const firstVisit = facts.role === 'article' ? pageWeight(outDir, url).total.gzip : undefined;
  pages.set(url, { bytes: gzipBytes(html), facts, firstVisit });
}

const sitemap = new Set<string>();
for (const file of readdirSync(outDir).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
  for (const location of sitemapLocations(readFileSync(path.join(outDir, file), 'utf8'))) sitemap.add(new URL(location).pathname);
}

const problems = checkPages(pages, sitemap.size ? sitemap : undefined);
const lists = paginatedLists(pages);
const byRole = (role: PageFacts['role']) => [...pages].filter(([, page]) => page.facts.role === role).sort((a, b) => b[1].bytes - a[1].bytes);
const largest = [...pages].sort((a, b) => b[1].bytes - a[1].bytes);

console.log(`Pages: ${pages.size}; budget ${kb(PAGE_BUDGET_BYTES)} of gzipped HTML each, ${kb(ARTICLE_BUDGET_BYTES)} for an article's first visit.`);
const [heaviest] = [...pages].filter(([, page]) => page.firstVisit !== undefined).sort((a, b) => b[1].firstVisit! - a[1].firstVisit!);
if (heaviest) console.log(`  heaviest article's first visit: ${kb(heaviest[1].firstVisit!)} ${heaviest[0]}`);
for (const [role, label] of [
  ['list', 'largest list or index page'],
  ['article', 'largest article'],
  ['other', 'largest other page'],
] as const) {
  const [top] = byRole(role);
  if (top) console.log(`  ${label}: ${kb(top[1].bytes)} ${top[0]}`);
}
const split = [...lists].filter(([, chain]) => chain.length > 1);
if (split.length) {
  console.log(`  lists split over pages: ${split.map(([first, chain]) => `${first} (${chain.length})`).join(', ')}`);
}

if (args.json) {
  const report = {
    budgetBytes: PAGE_BUDGET_BYTES,
    pages: pages.size,
    largest: largest.slice(0, 20).map(([url, page]) => ({ url, gzipBytes: page.bytes, role: page.facts.role })),
    largestByRole: Object.fromEntries((['list', 'article', 'other'] as const).map((role) => [role, byRole(role)[0]?.[0] && { url: byRole(role)[0]![0], gzipBytes: byRole(role)[0]![1].bytes }])),
    lists: Object.fromEntries(lists),
    problems,
  };
  writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length) {
  // A problem of an article's page names the file to edit too.
  const source = (page: string) => {
    const file = path.join(CONTENT_DIR, 'articles', `${page.replace(/^\/|\/$/g, '')}.mdx`);
    return existsSync(file) ? `${path.relative(process.cwd(), file)}:1 (${page})` : page;
  };
  for (const { page, message } of problems) console.error(`${source(page)}  ${message}`);
  console.error(`✗ ${problems.length} page ${problems.length === 1 ? 'problem' : 'problems'} (${pages.size} pages in ${outDir}, ${seconds} s).`);
  process.exit(1);
}
console.log(`✓ Page check passed: every page within ${kb(PAGE_BUDGET_BYTES)} gzip, every article's first visit within ${kb(ARTICLE_BUDGET_BYTES)}, ${lists.size} paginated lists linked both ways (${seconds} s).`);
