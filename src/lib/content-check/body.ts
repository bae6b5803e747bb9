import GithubSlugger from 'github-slugger';
import { mdxToMdast } from 'satteri';
import { layoutPartWithId } from '../page-ids.ts';
import { LATER_TERMS } from '../era.ts';
import { COMPONENT_NAMES, COMPONENTS, FORBIDDEN_ELEMENTS, SAFE_ELEMENTS } from './components.ts';
import { isCommentOnly, parseLiteral, type Literal } from './literal.ts';
import { closest, type Problem, type Where } from './problem.ts';
import { classifyUrl } from './urls.ts';

/** What an article's body may refer to. */
export interface BodyContext {
  /** Glossary ids from content/glossary.yaml. */
  glossaryIds: ReadonlySet<string>;
  /** Diagram names (kebab-case file names in src/components/diagrams/). */
  diagramNames: ReadonlySet<string>;
  /** The glossary file as shown in messages. */
  glossaryFile: string;
}

/** A link to a page of this site, checked once every article is known. */
export interface InternalLink {
  url: string;
  path: string;
  fragment: string;
  where: Where;
  image: boolean;
}

/** The parts of an mdast node the check reads. */
interface Node {
  type: string;
  position?: { start: Where & { offset?: number }; end?: { offset?: number } };
  children?: Node[];
  value?: string;
  url?: string;
  alt?: string | null;
  name?: string | null;
  ordered?: boolean;
  attributes?: { type: string; name?: string; value?: string | null | { value: string } }[];
}

/** Names that came after Xen 3.4 (the list in src/lib/era.ts): allowed only inside <Callout type="later">. */
const LATER_THINGS = new RegExp(`(?<![\\w./-])(${LATER_TERMS.map((term) => term.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);
/** Link syntax, [text](address) or ![alt](address), found in an article's source text. */
const LINK_SYNTAX = /!?\[[^\]\n]*\]\(([^)\n]*)\)/g;
/** Nodes whose text is not Markdown prose: link syntax inside them is not a broken link. */
const NOT_PROSE = new Set(['inlineCode', 'mdxJsxTextElement', 'mdxTextExpression', 'html']);
const PLACEHOLDER = /\b(TODO|TBD|FIXME|[Ll]orem ipsum|[Cc]oming soon|[Pp]laceholder text)\b/;
/** Names people bring from other documentation sites for what is a Callout here, by its type. */
const CALLOUT_NAMES = {
  note: ['note', 'info', 'aside', 'admonition'],
  tip: ['tip', 'hint'],
  warning: ['warning', 'warn', 'important'],
  caution: ['caution', 'danger'],
};
const IMAGE_FIX =
  'copy the image (if its licence allows) to public/images/ and write ![what it shows](/images/file.png); pictures from other sites break and tell those sites who reads the page';
const ELEMENTS = Object.keys(SAFE_ELEMENTS).map((name) => `<${name}>`);
const HTML_FIX = `write it in Markdown (links, images, lists, tables) or with a site component; the only HTML allowed is ${ELEMENTS.join(', ')}`;
const COMPONENT_LIST = COMPONENT_NAMES.join(', ');

/** Turns an MDX parse error into advice for someone who thinks they wrote Markdown. */
function syntaxFix(message: string): string {
  const tag = /closing tag for `<([^>`]+)>`/.exec(message)?.[1];
  if (/note: to create a comment in MDX/.test(message))
    return 'HTML comments <!-- --> do not work in MDX; write {/* your note */} or delete the comment';
  if (/to create a link in MDX/.test(message)) return 'MDX has no <https://…> autolinks; write [link text](https://…)';
  if (tag && /^[A-Z]/.test(tag)) return `close it with </${tag}> and leave a blank line after <${tag}> and before </${tag}>`;
  if (tag) return `MDX reads <${tag}> as a tag: to show it as text write &lt;${tag}&gt; or put it in \`inline code\``;
  if (/brace|expression/i.test(message))
    return 'MDX reads { and } as code: write \\{ and \\} for literal braces, or put the text in `inline code`';
  return 'MDX is stricter than Markdown: escape { } < in prose as \\{ \\} &lt; or put them in `inline code`';
}

/**
 * Checks the body of one article: MDX that parses, the content policy (no imports, exports,
 * code or unsafe HTML), the site's components and their props, links and images. Returns the
 * problems and the internal links, which need every article to be known before they can be
 * checked.
 */
export function checkBody(file: string, source: string, context: BodyContext): { problems: Problem[]; links: InternalLink[] } {
  const problems: Problem[] = [];
  const links: InternalLink[] = [];
  let tree: Node;
  try {
    tree = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    const message = String((error as Error).message);
    const [, line = 1, column = 1, text = message] = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(message) ?? [];
    const what = `the MDX does not parse: ${text.replace(/\s*\(note: .*\)\s*$/s, '').replace(/\.$/, '')}`;
    problems.push({ file, line: +line, column: +column, rule: 'mdx/syntax', message: what, fix: syntaxFix(message) });
    return { problems, links };
  }

  const start = (node: Node): Where => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const add = (node: Node, rule: string, message: string, fix: string, where = start(node)) =>
    void problems.push({ file, ...where, rule, message, fix });

  /** Link syntax in a paragraph, heading or table cell that Markdown showed as text instead of a link. */
  const checkUnreadLinks = (node: Node) => {
    const from = node.position?.start.offset;
    if (from === undefined) return;
    const raw = source.slice(from, node.position?.end?.offset);
    for (const match of raw.matchAll(LINK_SYNTAX)) {
      const at = from + match.index;
      if (raw[match.index - 1] === '\\' || isReadAt(node, at)) continue;
      const shown = match[0].length > 70 ? `${match[0].slice(0, 67)}...` : match[0];
      const why = /\s/.test(match[1]) ? 'its address contains a space' : 'Markdown could not read its address';
      const fix =
        'write the address with no spaces, such as [stubdom/Makefile](https://github.com/…/stubdom/Makefile) (a space in an address is %20); if the brackets are meant as text, put them in `inline code`';
      const lines = source.slice(0, at).split('\n');
      const where = { line: lines.length, column: lines.at(-1)!.length + 1 };
      add(node, 'link/syntax', `"${shown}" is shown as text, not as a link: ${why}`, fix, where);
    }
  };

  const checkUrl = (node: Node, url: string, what: 'link' | 'image' | 'definition') => {
    const image = what === 'image';
    const kind = classifyUrl(url);
    const rule = (linkRule: string, imageRule = 'image/src') => (image ? imageRule : linkRule);
    if (kind.kind === 'unsafe') {
      const message = `the ${what} points to a ${kind.scheme}: URL, which can run code or hide content`;
      const fix = 'link only to https:// pages or to pages of this site (/guides/boot-xen/)';
      add(node, rule('link/unsafe-url', 'image/unsafe-url'), message, fix);
    } else if (image && (kind.kind === 'http' || kind.kind === 'external')) {
      add(node, 'image/src', `the image ${url} is on another site`, IMAGE_FIX);
    } else if (kind.kind === 'http' && isBareAddress(node, url)) {
      const address = url.slice(7);
      const fix = `write it as a link with https: [${address}](https://${address})`;
      add(node, 'link/http', `the bare address ${address} becomes an http:// link`, fix);
    } else if (kind.kind === 'http') {
      const fix =
        'use https:// — if the site has no https version, find another source or link to an archived copy (https://web.archive.org/…)';
      add(node, 'link/http', `${url} uses http://`, fix);
    } else if (kind.kind === 'protocol-relative') {
      add(node, rule('link/scheme'), `${url} has no scheme`, 'write the full https:// URL');
    } else if (kind.kind === 'other-scheme') {
      const message = `${url} uses ${kind.scheme}:, which the site does not link to`;
      add(node, rule('link/scheme'), message, 'link to an https:// page instead');
    } else if (kind.kind === 'mailto' && image) {
      add(node, 'image/src', `${url} is not an image`, 'use an https:// URL or a file under public/');
    } else if (kind.kind === 'relative') {
      const fix = 'write the absolute path with a trailing slash, such as /guides/boot-xen/';
      add(node, rule('link/relative'), `"${url}" is a relative link, which breaks when the page moves`, fix);
    } else if (kind.kind === 'internal') {
      links.push({ url, path: kind.path, fragment: kind.fragment, where: start(node), image });
    }
  };

  /** The literal attributes of an element, after refusing code, event handlers and unsafe URLs. */
  const attributesOf = (node: Node, name: string): Record<string, Literal> => {
    const values: Record<string, Literal> = {};
    for (const attribute of node.attributes ?? []) {
      const prop = attribute.name ?? '';
      const written = attribute.value;
      const literal: ReturnType<typeof parseLiteral> =
        written !== null && typeof written === 'object' ? parseLiteral(written.value) : { ok: true, value: written ?? true };
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        const message = `<${name}> has a spread attribute {${String(written)}}, which is JavaScript`;
        add(node, 'mdx/expression', message, 'write each attribute as name="text"');
      } else if (/^on/i.test(prop)) {
        const message = `<${name}> has an event handler ${prop}=…, which runs code in the reader's browser`;
        add(node, 'mdx/event-handler', message, `remove ${prop}`);
      } else if (!literal.ok) {
        const message = `<${name} ${prop}={${(written as { value: string }).value}}> passes JavaScript, not a value`;
        const fix = `write ${prop}="text"; only plain values (text, numbers, true/false, lists of those) may go in braces`;
        add(node, 'mdx/expression', message, fix);
      } else if (unsafeScheme(literal.value)) {
        const message = `<${name} ${prop}> holds a ${unsafeScheme(literal.value)}: URL, which can run code`;
        add(node, 'link/unsafe-url', message, 'remove it; link only to https:// pages or pages of this site');
      } else {
        values[prop] = literal.value;
      }
    }
    return values;
  };

  const checkComponent = (node: Node, name: string, props: Record<string, Literal>) => {
    const spec = COMPONENTS[name];
    const names = Object.keys(spec.props.shape).map((prop) => `\`${prop}\``);
    // The component's own prop schema judges the attributes; only the wording is the check's.
    for (const issue of spec.props.safeParse(props).error?.issues ?? []) {
      const prop = String(issue.path[0]);
      const value = props[prop];
      if (issue.code === 'unrecognized_keys') {
        const fix = names.length
          ? `remove it; <${name}> takes ${names.join(', ')} — for example ${spec.example}`
          : `remove it; write ${spec.example}`;
        for (const key of issue.keys) add(node, 'component', `<${name}> has no \`${key}\` attribute`, fix);
      } else if (value === undefined) {
        add(node, 'component', `<${name}> needs a \`${prop}\``, `write ${spec.example}`);
      } else if (issue.code === 'invalid_value') {
        const values = issue.values.map(String);
        const guess = closest(String(value), values);
        const fix = `use ${guess ? `${prop}="${guess}" or another of ` : 'one of '}${values.join(', ')}`;
        add(node, 'component', `<${name} ${prop}="${value}"> is not a ${prop} the component knows`, fix);
      } else if (issue.code === 'invalid_type') {
        const message = `<${name} ${prop}> must be text, not ${JSON.stringify(value)}`;
        add(node, 'component', message, `write ${prop}="…" — for example ${spec.example}`);
      } else {
        add(node, 'component', `<${name} ${prop}="${value}"> does not go with its other attributes`, issue.message);
      }
    }
    for (const [prop, lookup] of Object.entries(spec.lookup ?? {})) {
      const value = props[prop];
      const { glossaryIds, diagramNames, glossaryFile } = context;
      if (typeof value !== 'string' || (lookup === 'glossary' ? glossaryIds : diagramNames).has(value)) continue;
      if (lookup === 'glossary') {
        const guess = closest(value, glossaryIds);
        const fix = guess
          ? `did you mean id="${guess}"? Otherwise add an entry with id: ${value} to ${glossaryFile}`
          : `use an id from ${glossaryFile}, or add an entry with id: ${value} there`;
        add(node, 'term', `<Term id="${value}"> is not in the glossary (${glossaryFile})`, fix);
      } else {
        const guess = closest(value, diagramNames);
        const list = [...diagramNames].join(', ') || '(none yet)';
        const fix = `${guess ? `did you mean name="${guess}"? The diagrams are` : 'use one of'}: ${list}`;
        add(node, 'diagram', `<Diagram name="${value}"> names no diagram in src/components/diagrams/`, fix);
      }
    }
    const children = (node.children ?? []).filter((child) => child.type !== 'text' || child.value?.trim());
    if (!spec.content && children.length) {
      add(node, 'component', `<${name}> does not take content`, `write it as a single tag: ${spec.example}`);
    }
    if (name === 'Steps' && !(children.length === 1 && children[0].type === 'list' && children[0].ordered)) {
      const fix =
        'put the steps as a Markdown numbered list between <Steps> and </Steps>, with a blank line after <Steps> and before </Steps>; text before or after the steps goes outside';
      add(node, 'component', '<Steps> must hold one numbered list (1. … 2. …) and nothing else', fix);
    }
  };

  const checkElement = (node: Node) => {
    const name = node.name;
    if (!name)
      return add(node, 'mdx/element', 'a JSX fragment <>…</> is code, not content', 'remove the <> and </> around the text');
    const props = attributesOf(node, name);
    if (COMPONENTS[name]) return checkComponent(node, name, props);
    if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
      const callout = Object.entries(CALLOUT_NAMES).find(([, names]) => names.includes(name.toLowerCase()))?.[0];
      const guess = closest(name, COMPONENT_NAMES);
      const fix = callout
        ? `write <Callout type="${callout}"> … </Callout> instead`
        : guess
          ? `did you mean <${guess}>? The components are: ${COMPONENT_LIST}`
          : `use one of: ${COMPONENT_LIST} (see CONTRIBUTING.md)`;
      return add(node, 'component', `<${name}> is not one of the site's components`, fix);
    }
    const allowed = SAFE_ELEMENTS[name];
    if (FORBIDDEN_ELEMENTS[name]) {
      const fix = "remove it; write the content in Markdown or with one of the site's components";
      return add(node, 'mdx/element', `<${name}> is not allowed: ${FORBIDDEN_ELEMENTS[name]}`, fix);
    }
    if (!allowed) return add(node, 'mdx/element', `<${name}> is raw HTML, which articles do not use`, HTML_FIX);
    for (const prop of Object.keys(props).filter((prop) => !allowed.includes(prop))) {
      const fix = allowed.length ? `remove it; <${name}> takes only ${allowed.join(', ')}` : `remove it; write plain <${name}>`;
      add(node, 'mdx/attribute', `<${name}> may not carry ${prop}=`, fix);
    }
  };

  const headingIds = new GithubSlugger();
  const visit = (node: Node, inLater: boolean) => {
    const later = !inLater && ['text', 'inlineCode', 'code'].includes(node.type) && LATER_THINGS.exec(node.value ?? '');
    if (later) {
      const fix =
        'describe what Xen 3.4 does (xm, xend, GRUB legacy menu.lst) and move the mention of later versions into a <Callout type="later"> block';
      add(node, 'era/later', `\`${later[1]}\` is not part of Xen 3.4; it came in a later release`, fix);
    }
    switch (node.type) {
      case 'mdxjsEsm':
        // One problem per import or export line, on that line.
        (node.value ?? '').split('\n').forEach((line, index) => {
          const where = { line: start(node).line + index, column: index === 0 ? start(node).column : 1 };
          const from = /(?:from|import)\s+['"]([^'"]+)['"]/.exec(line)?.[1];
          if (/^\s*import\b/.test(line)) {
            const message = from?.includes('components/mdx/')
              ? "articles do not import the site's components"
              : `the article imports ${from ? `"${from}"` : 'code'}; imports load code into the page`;
            const fix = `delete the line: ${COMPONENT_LIST} are available in every article without an import`;
            add(node, 'mdx/import', message, fix, where);
          } else if (/^\s*export\b/.test(line)) {
            const fix = 'delete the export; page data belongs in the frontmatter';
            add(node, 'mdx/export', 'the article exports code, which runs when the site is built', fix, where);
          }
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = (node.value ?? '').trim();
        if (isCommentOnly(code)) return;
        const message = `{${code.length > 40 ? `${code.slice(0, 37)}...` : code}} is a JavaScript expression`;
        return add(
          node,
          'mdx/expression',
          message,
          'articles hold no code: to show braces as text write \\{ and \\}, or put the text in `inline code`',
        );
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        inLater ||= node.name === 'Callout' && node.attributes?.some((a) => a.name === 'type' && a.value === 'later') === true;
        break;
      case 'link':
        checkUrl(node, node.url ?? '', 'link');
        if (!hasText(node)) {
          const fix = 'write the text readers click between the brackets: [Boot Xen](/guides/boot-xen/)';
          add(node, 'link/text', `the link to ${node.url} has no text`, fix);
        }
        break;
      case 'image':
        checkUrl(node, node.url ?? '', 'image');
        if (!node.alt?.trim()) {
          const fix = 'describe what the image shows between the brackets: ![Dom0 and two guests on Xen](/images/layout.png)';
          add(node, 'image/alt', `the image ${node.url} has no alt text`, fix);
        }
        return;
      case 'definition':
        return checkUrl(node, node.url ?? '', 'definition');
      case 'heading': {
        // Astro gives each heading an id made from its text, in order, with github-slugger.
        const text = textOf(node);
        const id = headingIds.slug(text);
        const part = layoutPartWithId(id);
        if (part) {
          const message = `the heading "${text}" gets the id #${id}, which the layout keeps for ${part}: the page would have two elements with one id`;
          add(node, 'heading/layout-id', message, `give the section a heading that says what it covers, in words other than "${text}"`);
        }
        checkUnreadLinks(node);
        break;
      }
      case 'paragraph':
      case 'tableCell':
        checkUnreadLinks(node);
        break;
      case 'table':
        // An empty header cell leaves its column without a name for screen readers (axe: empty-table-header).
        node.children?.[0]?.children?.forEach((cell, index) => {
          const message = `column ${index + 1} of the table has an empty header cell, so screen readers cannot name the column`;
          if (!hasText(cell))
            add(cell, 'table/empty-header', message, 'write a short header for it, such as | Option | Default | Meaning |');
        });
        break;
      case 'text': {
        const word = PLACEHOLDER.exec(node.value ?? '')?.[1];
        const fix =
          'write the final text, or leave the article out of the pull request until it is done (set draft: true to keep it unpublished)';
        if (word) add(node, 'text/placeholder', `"${word}" marks unfinished text`, fix);
        return;
      }
    }
    for (const child of node.children ?? []) visit(child, inLater);
  };
  visit(tree, false);
  return { problems, links };
}

/** True when a link or image starts at `offset` under `node`, or the offset is inside code, JSX or an expression. */
function isReadAt(node: Node, offset: number): boolean {
  return (node.children ?? []).some((child) => {
    const from = child.position?.start.offset ?? -1;
    const to = child.position?.end?.offset ?? -1;
    if (offset < from || offset >= to) return false;
    if (NOT_PROSE.has(child.type)) return true;
    if ((child.type === 'link' || child.type === 'image') && from === offset) return true;
    return isReadAt(child, offset);
  });
}

/** True for a GFM literal autolink such as `www.example.com` written as plain text. */
function isBareAddress(node: Node, url: string): boolean {
  return (node.children ?? []).map((child) => child.value ?? '').join('') === url.slice(7);
}

/** The text a reader sees in a node: its text and inline code, inside links and components too. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Any text inside a node (link text, image alt in a link, inline code). */
function hasText(node: Node): boolean {
  if ((node.type === 'text' || node.type === 'inlineCode') && node.value?.trim()) return true;
  if (node.type === 'image' && node.alt?.trim()) return true;
  return (node.children ?? []).some(hasText);
}

/** The first dangerous URL scheme in a value, looking inside lists and objects. */
function unsafeScheme(value: Literal): string | undefined {
  if (typeof value === 'string') {
    const kind = classifyUrl(value);
    return kind.kind === 'unsafe' ? kind.scheme : undefined;
  }
  return value && typeof value === 'object' ? Object.values(value).map(unsafeScheme).find(Boolean) : undefined;
}
