/**
 * Reading the HTML that `astro build` wrote, with parse5 (the WHATWG HTML parser, as browsers
 * parse it) rather than regular expressions: a `>` inside an attribute, a link inside a comment
 * or a script, an entity in a URL or an unclosed element are all read the way a browser reads
 * them. Used by the post-build checks (link-check.ts, era.ts).
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

/** An element of a parsed page. */
export type Element = DefaultTreeAdapterTypes.Element;
/** Any node of a parsed page. */
export type Node = DefaultTreeAdapterTypes.Node;

/**
 * Parses a built page, or a piece of one, keeping where each element starts. Scripting is off,
 * so the content of `<noscript>` is read as elements, as a reader without JavaScript gets it.
 */
export function parseHtml(html: string, { fragment = false } = {}): DefaultTreeAdapterTypes.ParentNode {
  const options = { sourceCodeLocationInfo: true, scriptingEnabled: false };
  return fragment ? parseFragment(html, options) : parse(html, options);
}

/** Whether a node is an element. */
export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/**
 * The elements below a node, in document order. The inert content of a `<template>` is not part
 * of the page, so it is not walked.
 */
export function* elementsOf(node: Node): Generator<Element> {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsOf(child);
  }
}

/**
 * An element's attributes by name, values entity-decoded; `xlink:href` keeps its prefix. The
 * parser has already dropped repeated attributes, keeping the first, as browsers do.
 */
export function attributes(element: Element): Record<string, string> {
  return Object.fromEntries(element.attrs.map((attr) => [attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value]));
}

/** An attribute's value (entities decoded), or undefined. */
export function attribute(element: Element, name: string): string | undefined {
  return attributes(element)[name];
}

/** Whether an element carries a class. */
export function hasClass(element: Element, name: string): boolean {
  return (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The first element below a node that matches. */
export function findElement(node: Node, matches: (element: Element) => boolean): Element | undefined {
  for (const element of elementsOf(node)) if (matches(element)) return element;
  return undefined;
}

/**
 * The text below a node as a reader sees it, with a space wherever an element starts or ends,
 * leaving out scripts, styles, templates and the elements `skip` picks.
 */
export function textOf(node: Node, skip: (element: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeName === '#text' && 'value' in current) parts.push(current.value);
    if (!('childNodes' in current)) return;
    if (isElement(current) && (NOT_TEXT.has(current.tagName) || skip(current))) return;
    for (const child of current.childNodes) {
      const element = isElement(child);
      if (element) parts.push(' ');
      walk(child);
      if (element) parts.push(' ');
    }
  };
  walk(node);
  return parts.join('');
}

const NOT_TEXT = new Set(['script', 'style', 'template']);
