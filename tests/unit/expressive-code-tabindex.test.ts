import { describe, expect, it } from 'vitest';
import { toHtml } from 'astro-expressive-code/hast';
import { createRendererWithoutTabindexScript, tabStopUnlessWrapped } from '../../src/integrations/expressive-code-tabindex.ts';

describe('code blocks and the keyboard', () => {
  const render = async (wrap: boolean) => {
    const { ec } = await createRendererWithoutTabindexScript({ themes: ['github-light'], plugins: [tabStopUnlessWrapped()], defaultProps: { wrap: true } });
    const { renderedGroupAst } = await ec.render({ code: 'make world XEN_LINUX_NONINTERACTIVE_CONFIG=y', language: 'sh', props: { wrap } });
    return toHtml(renderedGroupAst);
  };

  it('gives a block that does not wrap, and so may scroll sideways, a named tab stop', async () => {
    expect(await render(false)).toMatch(/<pre[^>]*tabindex="0"[^>]*role="region"[^>]*aria-label="Code \(scrolls sideways\)"/);
  });

  it('leaves wrapped blocks, which never scroll sideways, out of the tab order', async () => {
    expect(await render(true)).not.toContain('tabindex');
  });

  it("renders without Expressive Code's resize-watching tabindex script", async () => {
    const renderer = await createRendererWithoutTabindexScript({ themes: ['github-light'] });
    expect(renderer.jsModules.join('\n')).not.toContain('tabindex');
  });
});
