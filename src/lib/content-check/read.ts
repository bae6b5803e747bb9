import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIST_FILES } from '../../schemas/data.ts';
import { SECTIONS } from '../../schemas/kinds.ts';
import { LEDGER_FILE } from '../../schemas/ledger.ts';
import { TOPIC_IDS } from '../../schemas/topics.ts';
import { diagramName } from '../diagram-name.ts';
import { readManifests } from '../xen-source/manifests.ts';
import type { ContentInput } from './index.ts';

/** Where the site's own folders are, relative to which a content folder is checked. */
export interface SiteFolders {
  /** The repository root (holds src/ and public/). */
  root: string;
  /** The working directory paths in messages are relative to. */
  cwd?: string;
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => statSync(path.join(dir, entry)).isFile())
    .sort();
}

/** Reads a content folder (articles/, the data files, products/) and what it may refer to in src/ and public/. */
export function readContent(contentDir: string, { root, cwd = process.cwd() }: SiteFolders): ContentInput {
  const shown = (absolute: string) => {
    const relative = path.relative(cwd, absolute);
    return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
  };
  const content = path.resolve(cwd, contentDir);
  const articlesDir = path.join(content, 'articles');
  const articles = filesBelow(articlesDir)
    .filter((file) => file.endsWith('.mdx') || file.endsWith('.md'))
    .map((file) => ({
      file: shown(path.join(articlesDir, file)),
      id: file.replace(/\.mdx?$/, ''),
      source: readFileSync(path.join(articlesDir, file), 'utf8'),
    }));
  const read = (relative: string) => {
    const absolute = path.join(content, relative);
    return { relative, file: shown(absolute), text: readFileSync(absolute, 'utf8') };
  };
  const dataFiles = LIST_FILES.filter(({ file }) => existsSync(path.join(content, file))).map(({ file }) => ({
    name: file,
    ...read(file),
  }));
  const products = filesBelow(path.join(content, 'products'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => read(`products/${file}`));
  const diagramNames = filesBelow(path.join(root, 'src/components/diagrams'))
    .filter((file) => file.endsWith('.astro'))
    .map(diagramName);
  const publicFiles = filesBelow(path.join(root, 'public')).map((file) => `/${file}`);
  return {
    articles,
    dataFiles,
    products,
    diagramNames,
    publicFiles,
    // The routes without parameters, then those of [section]/index.astro and topics/[topic].astro.
    otherPages: [
      ...staticPages(path.join(root, 'src/pages')),
      ...SECTIONS.map((s) => `/${s}/`),
      ...TOPIC_IDS.map((t) => `/topics/${t}/`),
    ],
    glossaryFile: shown(path.join(content, 'glossary.yaml')),
    manifests: readManifests(path.join(content, 'source')),
    audited: [
      ...articles.map(({ file, id }) => ({ relative: `articles/${id}.mdx`, file })),
      ...[...dataFiles.filter(({ name }) => name !== LEDGER_FILE), ...products].map(({ relative, file }) => ({ relative, file })),
    ],
  };
}

/** URL paths of the routes in src/pages/ that take no parameters (`about.astro` → `/about/`). */
export function staticPages(pagesDir: string): string[] {
  return filesBelow(pagesDir)
    .filter((file) => !file.includes('[') && /\.(astro|md|mdx|ts|js)$/.test(file))
    .map((file) => {
      const route = file.replace(/\.(astro|md|mdx|ts|js)$/, '');
      if (/\.[a-z]+$/.test(route)) return `/${route}`; // an endpoint such as rss.xml
      const withoutIndex = route.replace(/(^|\/)index$/, '');
      return withoutIndex ? `/${withoutIndex}/` : '/';
    });
}
