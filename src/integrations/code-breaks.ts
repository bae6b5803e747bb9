/**
 * Lets inline code break where a reader expects it to: after the `/` of a path, the `_` of a
 * name, the `=` of a setting, the `,` or `:` of a list (a `<wbr>` after each; a line may already
 * break after a hyphen).
 *
 * Why: a table column of paths (`/local/domain/<id>/`) or keys (`hotplug-status`) is narrow on a
 * phone. Without break points of its own, code in a table could only be allowed to break anywhere,
 * and a table then squeezed such columns to a few letters a line ("conn", "ecte", "d"). With
 * these break points, code in a table keeps its words whole (`overflow-wrap: break-word` in
 * src/styles/prose.css), and a table too wide for the screen scrolls instead. `<wbr>` adds no
 * text: copying, search and the Markdown version of a page see the code unchanged.
 *
 * Astro renders Markdown and MDX with Sätteri, which runs its own hast plugins (not rehype's), and
 * no published plugin does this, so it is written here: in src/integrations, so that the MDX
 * cache's key (src/integrations/mdx-cache.ts) covers it.
 */
import type { Element, ElementContent, Parents } from 'hast';
import { defineHastPlugin } from 'satteri';

/** Runs of these characters are where inline code may break: after the run, between two others. */
const BREAK_AFTER = /(?<=[^/_=,:][/_=,:]+)(?=[^/_=,:])/g;

/** `text` cut where a line may break (the parts join back to `text`). */
export function codeBreakParts(text: string): string[] {
  return text.split(BREAK_AFTER);
}

/** `children` with a `<wbr>` at each break point of their text. */
export function withCodeBreaks(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'text') return [child];
    return codeBreakParts(child.value).flatMap((value, i): ElementContent[] => {
      const text: ElementContent = { type: 'text', value };
      return i === 0 ? [text] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, text];
    });
  });
}

/**
 * The Sätteri hast plugin (`hastPlugins` of `markdown.processor`), for code in table cells only:
 * elsewhere a line has the whole column, and break points would only add weight to the page.
 */
export const codeBreaks = defineHastPlugin({
  name: 'kb:code-breaks',
  element: {
    filter: ['code'],
    visit(node, ctx) {
      let ancestor: Readonly<Parents> | undefined = ctx.parent(node);
      while (ancestor && !(ancestor.type === 'element' && (ancestor.tagName === 'td' || ancestor.tagName === 'th'))) ancestor = ctx.parent(ancestor);
      if (!ancestor) return;
      const children = withCodeBreaks(node.children);
      if (children.length === node.children.length) return;
      ctx.replaceNode(node, { ...(node as Element), children });
    },
  },
});
