import { z } from 'astro/zod';
import { MDX_COMPONENT_SPECS, type MdxComponentSpec } from '../../components/mdx/props.ts';

/** A prop of an MDX component: always a string, sometimes from a fixed list. */
export interface PropSpec {
  /** Must the author give it? */
  required?: boolean;
  /** The values allowed, when the list is fixed. */
  values?: readonly string[];
  /** Checked against the glossary or the diagram folder. */
  lookup?: 'glossary' | 'diagram';
}

/** What the content check knows about a component authors may use. */
export interface ComponentSpec {
  /** Its props; any other prop is a mistake. */
  props: Record<string, PropSpec>;
  /** Whether it wraps content (`<Callout>…</Callout>`) or stands alone (`<Diagram />`). */
  content: boolean;
  /** How it is written, shown in messages. */
  example: string;
}

/** The object schema inside refinements, and the enum inside optional() or default(). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}
function describeProp(field: z.ZodType, lookup?: 'glossary' | 'diagram'): PropSpec {
  let inner: z.ZodType = field;
  const required = !field.safeParse(undefined).success;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return {
    ...(required && { required }),
    ...(inner instanceof z.ZodEnum && { values: inner.options as readonly string[] }),
    ...(lookup && { lookup }),
  };
}

/**
 * The components of src/components/mdx/index.ts with the props each accepts, read from their
 * prop schemas (src/components/mdx/props.ts), so the check and the components never disagree.
 */
export const COMPONENTS: Record<string, ComponentSpec> = Object.fromEntries(
  Object.entries(MDX_COMPONENT_SPECS as Record<string, MdxComponentSpec>).map(([name, spec]) => [
    name,
    {
      content: spec.content,
      example: spec.example,
      props: Object.fromEntries(Object.entries(shapeOf(spec.props)).map(([prop, field]) => [prop, describeProp(field, spec.lookup?.[prop])])),
    },
  ]),
);

/** Names of the components authors may use. */
export const COMPONENT_NAMES = Object.keys(COMPONENTS);

/**
 * Plain HTML elements an article may use, with the attributes each may carry. Everything else
 * has a Markdown form or a component (links, images, tables, notes), or is never safe.
 */
export const SAFE_ELEMENTS: Record<string, readonly string[]> = {
  abbr: ['title'],
  br: [],
  kbd: [],
  sub: [],
  sup: [],
};

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
