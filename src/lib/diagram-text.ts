/**
 * What a diagram says in words. Every diagram in src/components/diagrams/ carries an SVG
 * `<title>` and `<desc>` for screen readers and a `<figcaption>`; the Markdown version of an
 * article gives the same words in place of the picture, read from the component itself so the
 * text is written once.
 */
import { findElement, parseHtml, textOf } from './built-html.ts';

/** The words of one diagram. */
export interface DiagramText {
  /** The SVG `<title>`. */
  title: string;
  /** The SVG `<desc>`: the picture described for someone who cannot see it. */
  description: string;
  /** The `<figcaption>` under the picture, if there is one. */
  caption?: string | undefined;
}

/** Whitespace as a reader sees it: runs collapsed, ends trimmed. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The title, description and caption of a diagram component, from its source (`.astro` file
 * text). Throws, naming what is missing, when the SVG has no `<title>` or `<desc>`.
 */
export function diagramText(source: string, name = 'diagram'): DiagramText {
  // The template is everything after the component's frontmatter fence.
  const template = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const tree = parseHtml(template, { fragment: true });
  const find = (tag: string) => findElement(tree, (element) => element.tagName === tag);
  const title = find('title');
  const description = find('desc');
  if (!title || !description) {
    throw new Error(`The ${name} diagram needs an SVG <title> and <desc>: they are its text for screen readers and for the Markdown version of the article.`);
  }
  const caption = find('figcaption');
  return { title: squash(textOf(title)), description: squash(textOf(description)), caption: caption && squash(textOf(caption)) };
}
