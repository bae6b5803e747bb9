/** Small constructors for the Markdown syntax tree (mdast) nodes the site writes. */
import type { BlockContent, Blockquote, Heading, InlineCode, Link, List, Paragraph, PhrasingContent, Strong, Text } from 'mdast';

export const text = (value: string): Text => ({ type: 'text', value });
export const inlineCode = (value: string): InlineCode => ({ type: 'inlineCode', value });
export const strong = (value: string): Strong => ({ type: 'strong', children: [text(value)] });
export const link = (url: string, children: PhrasingContent[] | string): Link => ({
  type: 'link',
  url,
  children: typeof children === 'string' ? [text(children)] : children,
});
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const heading = (depth: Heading['depth'], value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
export const blockquote = (children: BlockContent[]): Blockquote => ({ type: 'blockquote', children });
/** A tight list; each item is its blocks. */
export const list = (items: BlockContent[][], ordered = false): List => ({
  type: 'list',
  ordered,
  start: ordered ? 1 : null,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children })),
});
