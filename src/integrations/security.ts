import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { extractStyleAttributes, formatPolicy, HEADER_ONLY_DIRECTIVES, mergePolicies, styleSheet, trimPolicyHashes } from '../lib/csp.ts';
import { linkCombinedStylesheet, sharedStylesheets, stylesheetLinks } from '../lib/stylesheets.ts';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** All files under a folder whose names end with one of the extensions. */
async function filesEndingWith(dir: string, ...extensions: string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && extensions.some((x) => e.name.endsWith(x))).map((e) => path.join(e.parentPath, e.name));
}

const htmlFiles = (dir: string) => filesEndingWith(dir, '.html');

/**
 * Deletes the joined stylesheets that no script or stylesheet mentions (every page's link to them
 * has just been replaced, so the pages need not be read a third time).
 */
async function removeUnreferenced(site: string, hrefs: string[]): Promise<number> {
  const names = new Set(hrefs.map((href) => path.posix.basename(href)));
  for (const file of await filesEndingWith(path.join(site, '_astro'), '.js', '.css')) {
    if (names.size === 0) break;
    const text = await readFile(file, 'utf8');
    for (const name of names) if (text.includes(name)) names.delete(name);
  }
  await Promise.all([...names].map((name) => rm(path.join(site, '_astro', name))));
  return names.size;
}

/**
 * Security and stylesheet steps after every production build:
 *
 * 1. Inline style attributes (expressive-code's token colours, table alignment) become classes,
 *    so the policy needs no 'unsafe-inline' for styles.
 * 2. Narrows each page's policy to the hashes of the inline code on that page (Astro lists every
 *    script and stylesheet of the build) and fails the build if inline code is not allowed.
 * 3. Joins the stylesheets every page links to and those classes into one file that every page
 *    links to instead (src/lib/stylesheets.ts says why).
 * 4. Writes the union of the page policies (plus frame-ancestors, which a meta tag cannot carry)
 *    into `_headers`, after the static headers from public/_headers, for hosts that read that
 *    file (Netlify, Cloudflare Pages).
 *
 * Pages are read and written one at a time, so memory does not grow with the corpus. Runs before
 * the search index and the service worker so they see the final files.
 */
export default function securityIntegration(): AstroIntegration {
  return {
    name: 'kb:security',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = await htmlFiles(site);
        const rules = new Map<string, string>();
        const links = new Map<string, string[]>();
        const policies: string[] = [];
        for (const file of pages) {
          const original = await readFile(file, 'utf8');
          const result = extractStyleAttributes(original);
          let html = result.html;
          for (const [name, declarations] of result.rules) rules.set(name, declarations);
          const meta = CSP_META.exec(html);
          if (meta) {
            const policy = trimPolicyHashes(meta[2]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'), html, path.relative(site, file));
            policies.push(policy);
            html = html.replace(meta[0], `${meta[1]}${policy}${meta[3]}`);
          }
          links.set(file, stylesheetLinks(html));
          if (html !== original) await writeFile(file, html);
        }

        const shared = sharedStylesheets([...links.values()]);
        const parts = await Promise.all(shared.map((href) => readFile(path.join(site, href), 'utf8')));
        const css = [...parts, styleSheet(rules)].join('\n');
        const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
        const combined = `/_astro/site.${hash}.css`;
        await mkdir(path.join(site, '_astro'), { recursive: true });
        await writeFile(path.join(site, combined), `${css}\n`);
        // A second pass over the pages: the combined file's name depends on every page's style
        // attributes, and holding all pages in memory until then would grow with the corpus.
        const joined = new Set(shared);
        for (const file of links.keys()) {
          const html = await readFile(file, 'utf8');
          // With no stylesheet common to all pages, each page keeps its own and adds the classes.
          const next = shared.length ? linkCombinedStylesheet(html, combined, joined) : html.replace('</head>', `<link rel="stylesheet" href="${combined}"></head>`);
          if (next !== html) await writeFile(file, next);
        }
        const removed = await removeUnreferenced(site, shared);
        logger.info(`One stylesheet ${combined}: ${shared.length} files and ${rules.size} style attributes joined (${removed} files no longer needed)`);

        if (policies.length) {
          const merged = mergePolicies(policies);
          for (const directive of HEADER_ONLY_DIRECTIVES) {
            const [name, ...sources] = directive.split(' ');
            merged.set(name!, sources);
          }
          const headersFile = path.join(site, '_headers');
          const staticHeaders = existsSync(headersFile) ? await readFile(headersFile, 'utf8') : '/*\n';
          const policy = formatPolicy(merged);
          const withPolicy = staticHeaders.replace(/^\/\*\n/m, `/*\n  Content-Security-Policy: ${policy}\n`);
          if (withPolicy === staticHeaders) throw new Error('public/_headers needs a "/*" section for the Content-Security-Policy');
          await writeFile(headersFile, withPolicy);
          const distinct = new Set(policies).size;
          logger.info(`Content-Security-Policy in _headers (${policies.length} pages, ${distinct} distinct page policies merged)`);
        } else {
          logger.warn('No page carries a Content-Security-Policy meta tag; is security.csp set in astro.config.mjs?');
        }
      },
    },
  };
}
