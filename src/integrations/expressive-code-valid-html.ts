import type { ExpressiveCodePlugin } from 'astro-expressive-code';
import { visit, type Element } from 'astro-expressive-code/hast';

/**
 * Makes Expressive Code's markup valid HTML, so the Nu HTML Checker (npm run check:html)
 * passes:
 *
 * - `<code>` and `<button>` may only hold phrasing content, but Expressive Code renders each
 *   line, and the copy button's background, as a `<div>`: they become `<span>`s with the same
 *   classes (the line CSS targets classes; the button background gets its rules below).
 * - The copy button keeps the code in `data-code` with U+007F for each line break, a code point
 *   HTML forbids. The attribute goes: the site's copy script reads the rendered lines
 *   (expressive-code-copy.ts).
 */
export function validHtml(): ExpressiveCodePlugin {
  return {
    name: 'kb:valid-html',
    baseStyles: `
      .copy button .copy-bg { position: absolute; inset: 0; border-radius: inherit; background: var(--ec-frm-inlBtnBg); opacity: var(--ec-frm-inlBtnBgIdleOpa); transition-property: inherit; transition-duration: inherit; transition-timing-function: inherit; }
      .copy button:hover .copy-bg, .copy button:focus:focus-visible .copy-bg { opacity: var(--ec-frm-inlBtnBgHoverOrFocusOpa); }
      .copy button:active .copy-bg { opacity: var(--ec-frm-inlBtnBgActOpa); }
    `,
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        visit(renderData.blockAst, 'element', (node: Element) => {
          if (node.tagName === 'code') {
            visit(node, 'element', (inner: Element) => {
              if (inner.tagName === 'div') inner.tagName = 'span';
            });
          } else if (node.tagName === 'button' && typeof node.properties.dataCode === 'string') {
            delete node.properties.dataCode;
            for (const child of node.children) {
              if (child.type === 'element' && child.tagName === 'div') {
                child.tagName = 'span';
                child.properties.className = ['copy-bg'];
              }
            }
          }
        });
      },
    },
  };
}
