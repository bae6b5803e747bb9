/**
 * What a first visit to a built page downloads (HTML, stylesheets, scripts), gzipped as hosts
 * serve them, and what the service worker precaches. Used by scripts/check-pages.ts for the
 * article budget in page-budget.ts, and by the benchmark (scripts/bench/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { precachedUrls } from '../integrations/service-worker.ts';

/** A size before and after gzip (level 6, what static hosts typically use). */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** What a first visit to one page downloads before the reader interacts with it. */
export interface PageWeight {
  path: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** HTML + CSS + JS. */
  total: Bytes;
  /** Scripts loaded before any interaction: external files and their static imports. */
  jsFiles: string[];
  /** Inline <script> text in the HTML (already counted in html). */
  inlineJs: number;
  cssFiles: string[];
}

export const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 6 }).length;
const bytesOf = (data: Buffer): Bytes => ({ raw: data.length, gzip: gzipSize(data) });
/** Stylesheets and scripts are shared by many pages: each is read and gzipped once per file. */
const assetBytes = new Map<string, Bytes>();
const bytesOfFile = (file: string): Bytes => {
  let bytes = assetBytes.get(file);
  if (!bytes) assetBytes.set(file, (bytes = bytesOf(readFileSync(file))));
  return bytes;
};
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

/** The attributes of every <tag …> in some HTML, as maps. */
function tags(html: string, name: string): Map<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) => {
    const attributes = new Map<string, string>();
    for (const a of m[1]!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    return attributes;
  });
}

/** Static `import … from "./x.js"` / `import "./x.js"` of an ES module (not dynamic import()). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
}

/** The file in the build for a site URL path. */
export function fileFor(site: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  return path.join(site, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/**
 * Reads a built page and adds up its HTML, its stylesheets and the JavaScript it loads before
 * any interaction (scripts and their static imports; lazy import()s such as Pagefind are not
 * part of a first visit).
 */
export function pageWeight(site: string, urlPath: string): PageWeight {
  const htmlFile = fileFor(site, urlPath);
  if (!existsSync(htmlFile)) throw new Error(`No ${htmlFile} in the build`);
  const htmlBuffer = readFileSync(htmlFile);
  const html = htmlBuffer.toString('utf8');
  const base = new URL(urlPath, 'http://site');

  const cssFiles = tags(html, 'link')
    .filter((a) => (a.get('rel') ?? '').split(/\s+/).includes('stylesheet') && a.get('href'))
    .map((a) => new URL(a.get('href')!, base).pathname);

  const jsFiles: string[] = [];
  const queue = [
    ...tags(html, 'script').filter((a) => a.get('src')).map((a) => new URL(a.get('src')!, base).pathname),
    ...tags(html, 'link').filter((a) => a.get('rel') === 'modulepreload' && a.get('href')).map((a) => new URL(a.get('href')!, base).pathname),
  ];
  while (queue.length) {
    const file = queue.shift()!;
    if (jsFiles.includes(file)) continue;
    jsFiles.push(file);
    const code = readFileSync(fileFor(site, file), 'utf8');
    for (const specifier of staticImports(code)) queue.push(new URL(specifier, new URL(file, 'http://site')).pathname);
  }
  const inlineJs = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/type="(application\/(ld\+)?json|speculationrules)"/.test(m[0]))
    .reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);

  const sum = (files: string[]) => files.map((f) => bytesOfFile(fileFor(site, f))).reduce(add, ZERO);
  const weight = { html: bytesOf(htmlBuffer), css: sum(cssFiles), js: sum(jsFiles) };
  return { path: urlPath, ...weight, total: add(add(weight.html, weight.css), weight.js), jsFiles, inlineJs, cssFiles };
}

/**
 * The files the service worker precaches (read from dist/sw.js) and their total size, and of
 * those the search's: Pagefind's runtime and index and the build's name and spelling lists.
 */
export function precache(site: string): { files: number; bytes: Bytes; search: Bytes } | undefined {
  const sw = path.join(site, 'sw.js');
  if (!existsSync(sw)) return undefined;
  const urls = precachedUrls(readFileSync(sw, 'utf8'));
  const sizes = urls
    .map((url) => ({ url, file: fileFor(site, `/${url}`) }))
    .filter(({ file }) => existsSync(file))
    .map(({ url, file }) => ({ url, bytes: bytesOf(readFileSync(file)) }));
  const total = (list: typeof sizes) => list.map((s) => s.bytes).reduce(add, ZERO);
  return { files: urls.length, bytes: total(sizes), search: total(sizes.filter((s) => /^(pagefind|search)\//.test(s.url))) };
}
