import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { extractStyleAttributes, formatPolicy, HEADER_ONLY_DIRECTIVES, mergePolicies, styleSheet, trimPolicyHashes } from '../lib/csp.ts';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** All HTML files under a folder. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Security steps after every production build:
 *
 * 1. Inline style attributes (expressive-code's token colours, table alignment) become classes
 *    in one external stylesheet, so the policy needs no 'unsafe-inline' for styles.
 * 2. Narrows each page's policy to the hashes of the inline code on that page (Astro lists every
 *    script and stylesheet of the build) and fails the build if inline code is not allowed.
 * 3. Writes the union of the page policies (plus frame-ancestors, which a meta tag cannot carry)
 *    into `_headers`, after the static headers from public/_headers, for hosts that read that
 *    file (Netlify, Cloudflare Pages).
 *
 * Runs before the search index and the service worker so they see the final files.
 */
export default function securityIntegration(): AstroIntegration {
  return {
    name: 'kb:security',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = await htmlFiles(site);
        const rules = new Map<string, string>();
        const rewritten = new Map<string, string>();
        const styled = new Set<string>();
        const policies: string[] = [];
        for (const file of pages) {
          const original = await readFile(file, 'utf8');
          const result = extractStyleAttributes(original);
          let html = result.html;
          for (const [name, declarations] of result.rules) rules.set(name, declarations);
          if (result.rules.size) styled.add(file);
          const meta = CSP_META.exec(html);
          if (meta) {
            const policy = trimPolicyHashes(meta[2]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'), html, path.relative(site, file));
            policies.push(policy);
            html = html.replace(meta[0], `${meta[1]}${policy}${meta[3]}`);
          }
          if (html !== original) rewritten.set(file, html);
        }

        if (rules.size) {
          const css = styleSheet(rules);
          const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
          const href = `/_astro/inline-styles.${hash}.css`;
          await mkdir(path.join(site, '_astro'), { recursive: true });
          await writeFile(path.join(site, href), `${css}\n`);
          for (const file of styled) rewritten.set(file, rewritten.get(file)!.replace('</head>', `<link rel="stylesheet" href="${href}"></head>`));
          logger.info(`${rules.size} inline style attributes moved to classes in ${href}`);
        }
        for (const [file, html] of rewritten) await writeFile(file, html);

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
