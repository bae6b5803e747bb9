/**
 * Lets inline code break where a reader expects it to: after the `/` of a path, the `_` of a
 * name, the `=` of a setting, the `,` or `:` of a list (a `<wbr>` after each; a line may already
 * break after a hyphen, except after those that start an option such as `-s`).
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

/** An option at the start of the code (`-s`, `--entry`), which a line must not split after its hyphens. */
const LEADING_OPTION = /^-+[^\s/_=,:-]+/;

/**
 * `children` with a `<wbr>` at each break point of their text. An option at the very start is
 * kept in one piece (`-` and `s` on two lines is what browsers would otherwise allow).
 */
export function withCodeBreaks(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child, index): ElementContent[] => {
    if (child.type !== 'text') return [child];
    const option = index === 0 ? LEADING_OPTION.exec(child.value)?.[0] : undefined;
    return codeBreakParts(child.value).flatMap((value, i): ElementContent[] => {
      const text = (value: string): ElementContent => ({ type: 'text', value });
      const before: ElementContent[] = i === 0 ? [] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }];
      if (i > 0 || !option) return [...before, text(value)];
      const kept: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['whitespace-nowrap'] }, children: [text(option)] };
      return value.length > option.length ? [kept, text(value.slice(option.length))] : [kept];
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
      if (children.length === node.children.length && children[0] === node.children[0]) return;
      ctx.replaceNode(node, { ...(node as Element), children });
    },
  },
});
