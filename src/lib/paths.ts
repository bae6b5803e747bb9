import { KIND_IDS, KINDS, kindOfSection, SECTIONS, type Kind } from '../schemas/kinds.ts';
import { GLOSSARY_URL, glossaryPageOf, type GlossaryPage } from './glossary.ts';

/** The folder that holds articles and data; another folder can be given for benchmarks. */
export const CONTENT_DIR = process.env.KB_CONTENT_DIR ?? './content';

/**
 * The build's cache folder (Astro's cacheDir; the content check keeps its results there too);
 * another folder lets several builds run side by side (benchmarks, tests).
 */
export const CACHE_DIR = process.env.KB_CACHE_DIR ?? './node_modules/.astro';

/** URL of an article from its id (`guides/boot-xen` → `/guides/boot-xen/`). */
export function articleUrl(id: string): string {
  return `/${id}/`;
}

/** URL of an article's Markdown version (`guides/boot-xen` → `/guides/boot-xen.md`), for tools. */
export function markdownUrl(id: string): string {
  return `/${id}.md`;
}

/** Splits an article id into its section folder and slug. */
export function splitId(id: string): { section: string; slug: string } {
  const slash = id.indexOf('/');
  if (slash < 0) return { section: '', slug: id };
  return { section: id.slice(0, slash), slug: id.slice(slash + 1) };
}

/** URL of a section index (`guide` → `/guides/`). */
export function sectionUrl(kind: Kind): string {
  return `/${KINDS[kind].section}/`;
}

/** URL of a topic page. */
export function topicUrl(topic: string): string {
  return `/topics/${topic}/`;
}

/**
 * URL of a glossary entry, on the page of the glossary that holds it (glossaryPages() in
 * glossary.ts): `/reference/glossary/#dom0`, `/reference/glossary/i-s/#hvm`.
 */
export function glossaryUrl(id: string, pages: readonly GlossaryPage[]): string {
  return `${glossaryPageOf(pages, id)?.href ?? GLOSSARY_URL}#${id}`;
}

/**
 * Why an article's folder and kind disagree, or null when they match. The folder decides the
 * URL, the kind decides the layout, so both must say the same; `kind` is compared only when it
 * is a kind. `field` is set when the fix may be in the frontmatter.
 */
export function folderMismatch(id: string, kind: unknown): { field?: 'kind'; message: string; fix: string } | null {
  const folder = id.slice(0, Math.max(0, id.lastIndexOf('/')));
  const folderKind = kindOfSection(folder);
  if (!folderKind) {
    return {
      message: `articles live in one of content/articles/{${SECTIONS.join(',')}}/, not "${folder || '(top level)'}"`,
      fix: 'move the file into the folder that matches its kind',
    };
  }
  if ((KIND_IDS as readonly unknown[]).includes(kind) && kind !== folderKind) {
    return {
      field: 'kind',
      message: `the file is in ${folder}/ but says kind: ${kind}`,
      fix: `set kind: ${folderKind}, or move the file to content/articles/${KINDS[kind as Kind].section}/`,
    };
  }
  return null;
}
