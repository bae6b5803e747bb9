import { createRenderer, type ExpressiveCodePlugin, type RehypeExpressiveCodeOptions } from 'astro-expressive-code';
import { select } from 'astro-expressive-code/hast';

/**
 * Keyboard access to code blocks that scroll sideways, decided when the page is rendered.
 *
 * Expressive Code ships a script on every page with code ("Scrollable block tabindex", 0.5 KB
 * gzip) that watches each block's size and gives a block that overflows `tabindex="0"`, so the
 * keyboard can scroll it. Here every block wraps its lines (`defaultProps.wrap` in
 * astro.config.mjs), so none overflows and the script never acts; it only weighed on the 30 KB
 * first visit of every article with code. So the renderer drops it, and a block written with
 * `wrap={false}` gets the tab stop in its markup instead. Expressive Code has no option to leave
 * one of its core scripts out, hence the wrapper.
 */

const TABINDEX_SCRIPT = 'tabindex-js-module';

/** Expressive Code's renderer without its tabindex script; fails the build if the script moved. */
export async function createRendererWithoutTabindexScript(options: RehypeExpressiveCodeOptions) {
  const renderer = await createRenderer(options);
  const jsModules = renderer.jsModules.filter((code) => !code.includes(TABINDEX_SCRIPT));
  if (jsModules.length === renderer.jsModules.length) {
    throw new Error(`Expressive Code no longer ships "${TABINDEX_SCRIPT}": check src/integrations/expressive-code-tabindex.ts against the new version.`);
  }
  return { ...renderer, jsModules };
}

/** Gives a block that does not wrap its lines a tab stop, as the dropped script would have. */
export function tabStopUnlessWrapped(): ExpressiveCodePlugin {
  return {
    name: 'kb:tab-stop-unless-wrapped',
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const pre = select('pre:not(.wrap)', renderData.blockAst);
        if (pre) {
          pre.properties.tabIndex = 0;
          pre.properties.role = 'region';
          pre.properties.ariaLabel = 'Code (scrolls sideways)';
        }
      },
    },
  };
}

