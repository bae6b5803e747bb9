import { KINDS, kindOfSection, type Kind } from '../schemas/kinds.ts';

/** The folder that holds articles and data; another folder can be given for benchmarks. */
export const CONTENT_DIR = process.env.KB_CONTENT_DIR ?? './content';

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

/** URL of a glossary entry. */
export function glossaryUrl(id: string): string {
  return `/reference/glossary/#${id}`;
}

/**
 * Why an article's folder and kind disagree, or null when they match. The folder decides the
 * URL, the kind decides the layout, so both must say the same.
 */
export function folderMismatch(id: string, kind: Kind): string | null {
  const { section } = splitId(id);
  const folderKind = kindOfSection(section);
  if (!folderKind) {
    return `articles live in one of content/articles/{${Object.values(KINDS).map((k) => k.section).join(',')}}/, not "${section || '(top level)'}"`;
  }
  if (folderKind !== kind) {
    return `the file is in ${section}/ but says kind: ${kind} — set kind: ${folderKind} or move it to content/articles/${KINDS[kind].section}/`;
  }
  return null;
}
