import { MDX_COMPONENT_SPECS, type MdxComponentSpec } from '../../components/mdx/props.ts';

/** The components authors may use, each with its prop schema (src/components/mdx/props.ts). */
export const COMPONENTS: Record<string, MdxComponentSpec> = MDX_COMPONENT_SPECS;

/** Names of the components authors may use. */
export const COMPONENT_NAMES = Object.keys(COMPONENTS);

/**
 * Plain HTML elements an article may use, with the attributes each may carry. Everything else
 * has a Markdown form or a component (links, images, tables, notes), or is never safe.
 */
export const SAFE_ELEMENTS: Record<string, readonly string[]> = { abbr: ['title'], br: [], kbd: [], sub: [], sup: [] };

/** Why some elements are refused outright, in words for the contributor. */
export const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: "a <script> runs code in every reader's browser",
  iframe: 'an <iframe> embeds another site into the page',
  style: 'a <style> restyles the whole site',
  object: 'an <object> embeds external content or plugins',
  embed: 'an <embed> embeds external content or plugins',
  frame: 'a <frame> embeds another site',
  frameset: 'a <frameset> embeds other sites',
  applet: 'an <applet> runs a plugin',
  form: "a <form> sends readers' input elsewhere",
  link: 'a <link> loads outside resources into the page',
  meta: 'a <meta> changes how the whole page behaves',
  base: 'a <base> changes where every link on the page goes',
  svg: 'an inline <svg> can carry scripts and links',
  math: 'inline <math> is not supported by the site',
  template: 'a <template> holds markup for scripts',
};
