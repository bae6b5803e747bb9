import { BOOT_AREAS } from '../../schemas/data.ts';

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

/**
 * The components of src/components/mdx/index.ts with the props each accepts. A unit test keeps
 * the two lists in step: adding a component there means describing it here and in CONTRIBUTING.md.
 */
export const COMPONENTS: Record<string, ComponentSpec> = {
  Callout: {
    props: { type: { values: ['note', 'tip', 'warning', 'caution', 'later'] }, title: {} },
    content: true,
    example: '<Callout type="note" title="Optional title">…</Callout>',
  },
  Steps: { props: {}, content: true, example: '<Steps> wrapping a numbered list </Steps>' },
  Term: { props: { id: { required: true, lookup: 'glossary' } }, content: true, example: '<Term id="hvm">HVM</Term>' },
  Diagram: {
    props: { name: { required: true, lookup: 'diagram' } },
    content: false,
    example: '<Diagram name="xen-architecture" />',
  },
  BootOptionsTable: { props: { area: { values: BOOT_AREAS } }, content: false, example: '<BootOptionsTable area="power" />' },
  XenpmTable: { props: {}, content: false, example: '<XenpmTable />' },
  XmCommandsTable: { props: {}, content: false, example: '<XmCommandsTable />' },
  DomainConfigTable: {
    props: { guest: { values: ['pv', 'hvm', 'both'] } },
    content: false,
    example: '<DomainConfigTable guest="hvm" />',
  },
  GlossaryList: { props: {}, content: false, example: '<GlossaryList />' },
  ComparisonMatrix: { props: {}, content: false, example: '<ComparisonMatrix />' },
};

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
