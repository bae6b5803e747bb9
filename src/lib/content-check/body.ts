import { mdxToMdast } from 'satteri';
import { LATER_TERMS } from '../era.ts';
import { COMPONENT_NAMES, COMPONENTS, FORBIDDEN_ELEMENTS, SAFE_ELEMENTS } from './components.ts';
import { isCommentOnly, parseLiteral, type Literal } from './literal.ts';
import { closest, type Problem, type Where } from './problem.ts';
import { classifyUrl, hasUnsafeScheme } from './urls.ts';

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

/** Minimal shape of the mdast nodes the check reads. */
interface Node {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: Node[];
  value?: string;
  url?: string;
  alt?: string | null;
  name?: string | null;
  ordered?: boolean;
  attributes?: Attribute[];
}
interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Names that came after Xen 3.4 (the list in src/lib/era.ts): allowed only inside <Callout type="later">. */
const LATER_THINGS = new RegExp(`(?<![\\w./-])(${LATER_TERMS.map((term) => term.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);
const PLACEHOLDER = /\b(TODO|TBD|FIXME|[Ll]orem ipsum|[Cc]oming soon|[Pp]laceholder text)\b/;
/** Names people bring from other documentation sites for what is a Callout here. */
const CALLOUT_NAMES: Record<string, string> = {
  note: 'note',
  info: 'note',
  aside: 'note',
  admonition: 'note',
  tip: 'tip',
  hint: 'tip',
  warning: 'warning',
  warn: 'warning',
  caution: 'caution',
  danger: 'caution',
  important: 'warning',
};
const IMAGE_FIX =
  'copy the image (if its licence allows) to public/images/ and write ![what it shows](/images/file.png); pictures from other sites break and tell those sites who reads the page';
const ELEMENT_LIST = Object.keys(SAFE_ELEMENTS)
  .map((name) => `<${name}>`)
  .join(', ');
const COMPONENT_LIST = COMPONENT_NAMES.join(', ');

/** Turns an MDX parse error into advice for someone who thinks they wrote Markdown. */
function syntaxFix(message: string): string {
  if (/note: to create a comment in MDX/.test(message))
    return 'HTML comments <!-- --> do not work in MDX; write {/* your note */} or delete the comment';
  if (/to create a link in MDX/.test(message)) return 'MDX has no <https://…> autolinks; write [link text](https://…)';
  if (/closing tag for `<([^>`]+)>`/.test(message)) {
    const tag = /closing tag for `<([^>`]+)>`/.exec(message)![1];
    return /^[A-Z]/.test(tag)
      ? `close it with </${tag}> and leave a blank line after <${tag}> and before </${tag}>`
      : `MDX reads <${tag}> as a tag: to show it as text write &lt;${tag}&gt; or put it in \`inline code\``;
  }
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
    const match = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(message);
    return {
      problems: [
        {
          file,
          line: match ? Number(match[1]) : 1,
          column: match ? Number(match[2]) : 1,
          rule: 'mdx/syntax',
          message: `the MDX does not parse: ${(match ? match[3] : message).replace(/\s*\(note: .*\)\s*$/s, '').replace(/\.$/, '')}`,
          fix: syntaxFix(message),
        },
      ],
      links,
    };
  }

  const start = (node: Node): Where =>
    node.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
  const add = (node: Node, rule: string, message: string, fix: string, where?: Where) => {
    problems.push({ file, ...(where ?? start(node)), rule, message, fix });
  };

  const checkUrl = (node: Node, url: string, what: 'link' | 'image' | 'definition') => {
    const kind = classifyUrl(url);
    switch (kind.kind) {
      case 'unsafe':
        add(
          node,
          what === 'image' ? 'image/unsafe-url' : 'link/unsafe-url',
          `the ${what} points to a ${kind.scheme}: URL, which can run code or hide content`,
          'link only to https:// pages or to pages of this site (/guides/boot-xen/)',
        );
        break;
      case 'http':
        if (what === 'image') add(node, 'image/src', `the image ${url} is on another site`, IMAGE_FIX);
        else if (isBareAddress(node, url))
          add(
            node,
            'link/http',
            `the bare address ${url.slice(7)} becomes an http:// link`,
            `write it as a link with https: [${url.slice(7)}](https://${url.slice(7)})`,
          );
        else
          add(
            node,
            'link/http',
            `${url} uses http://`,
            `use https:// — if the site has no https version, find another source or link to an archived copy (https://web.archive.org/…)`,
          );
        break;
      case 'external':
        if (what === 'image') add(node, 'image/src', `the image ${url} is on another site`, IMAGE_FIX);
        break;
      case 'protocol-relative':
        add(node, what === 'image' ? 'image/src' : 'link/scheme', `${url} has no scheme`, 'write the full https:// URL');
        break;
      case 'other-scheme':
        add(
          node,
          what === 'image' ? 'image/src' : 'link/scheme',
          `${url} uses ${kind.scheme}:, which the site does not link to`,
          'link to an https:// page instead',
        );
        break;
      case 'mailto':
        if (what === 'image') add(node, 'image/src', `${url} is not an image`, 'use an https:// URL or a file under public/');
        break;
      case 'relative':
        add(
          node,
          what === 'image' ? 'image/src' : 'link/relative',
          `"${url}" is a relative link, which breaks when the page moves`,
          'write the absolute path with a trailing slash, such as /guides/boot-xen/',
        );
        break;
      case 'internal':
        links.push({ url, path: kind.path, fragment: kind.fragment, where: start(node), image: what === 'image' });
        break;
      default:
        break;
    }
  };

  const checkElement = (node: Node) => {
    const name = node.name;
    if (!name) {
      add(node, 'mdx/element', 'a JSX fragment <>…</> is code, not content', 'remove the <> and </> around the text');
      return;
    }
    const isComponent = /^[A-Z]/.test(name) || /[.:]/.test(name);
    const spec = COMPONENTS[name];
    if (isComponent && !spec) {
      const callout = CALLOUT_NAMES[name.toLowerCase()];
      const guess = closest(name, COMPONENT_NAMES);
      add(
        node,
        'component',
        `<${name}> is not one of the site's components`,
        callout
          ? `write <Callout type="${callout}"> … </Callout> instead`
          : guess
            ? `did you mean <${guess}>? The components are: ${COMPONENT_LIST}`
            : `use one of: ${COMPONENT_LIST} (see CONTRIBUTING.md)`,
      );
    } else if (!isComponent && FORBIDDEN_ELEMENTS[name]) {
      add(
        node,
        'mdx/element',
        `<${name}> is not allowed: ${FORBIDDEN_ELEMENTS[name]}`,
        "remove it; write the content in Markdown or with one of the site's components",
      );
    } else if (!isComponent && !SAFE_ELEMENTS[name]) {
      add(
        node,
        'mdx/element',
        `<${name}> is raw HTML, which articles do not use`,
        `write it in Markdown (links, images, lists, tables) or with a site component; the only HTML allowed is ${ELEMENT_LIST}`,
      );
    }

    const props: Record<string, Literal> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        add(
          node,
          'mdx/expression',
          `<${name}> has a spread attribute {${attribute.value ?? ''}}, which is JavaScript`,
          'write each attribute as name="text"',
        );
        continue;
      }
      const prop = attribute.name ?? '';
      if (/^on/i.test(prop)) {
        add(
          node,
          'mdx/event-handler',
          `<${name}> has an event handler ${prop}=…, which runs code in the reader's browser`,
          `remove ${prop}`,
        );
        continue;
      }
      let value: Literal;
      if (attribute.value === null || attribute.value === undefined) value = true;
      else if (typeof attribute.value === 'string') value = attribute.value;
      else {
        const literal = parseLiteral(attribute.value.value);
        if (!literal.ok) {
          add(
            node,
            'mdx/expression',
            `<${name} ${prop}={${attribute.value.value}}> passes JavaScript, not a value`,
            `write ${prop}="text"; only plain values (text, numbers, true/false, lists of those) may go in braces`,
          );
          continue;
        }
        value = literal.value;
      }
      const unsafe = findUnsafe(value);
      if (unsafe) {
        add(
          node,
          'link/unsafe-url',
          `<${name} ${prop}> holds a ${unsafe}: URL, which can run code`,
          'remove it; link only to https:// pages or pages of this site',
        );
      } else if (spec) {
        props[prop] = value;
      } else if (!isComponent && SAFE_ELEMENTS[name] && !SAFE_ELEMENTS[name].includes(prop)) {
        add(
          node,
          'mdx/attribute',
          `<${name}> may not carry ${prop}=`,
          SAFE_ELEMENTS[name].length
            ? `remove it; <${name}> takes only ${SAFE_ELEMENTS[name].join(', ')}`
            : `remove it; write plain <${name}>`,
        );
      }
    }
    if (spec) {
      // The component's own prop schema judges the attributes; only the wording is the check's.
      for (const issue of spec.props.safeParse(props).error?.issues ?? []) {
        const prop = String(issue.path[0] ?? '');
        const value = props[prop];
        const names = Object.keys(spec.props.shape);
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            add(
              node,
              'component',
              `<${name}> has no \`${key}\` attribute`,
              names.length
                ? `remove it; <${name}> takes ${names.map((p) => `\`${p}\``).join(', ')} — for example ${spec.example}`
                : `remove it; write ${spec.example}`,
            );
          }
        } else if (value === undefined) {
          add(node, 'component', `<${name}> needs a \`${prop}\``, `write ${spec.example}`);
        } else if (issue.code === 'invalid_value') {
          const values = issue.values.map(String);
          const guess = closest(String(value), values);
          add(
            node,
            'component',
            `<${name} ${prop}="${value}"> is not a ${prop} the component knows`,
            `use ${guess ? `${prop}="${guess}" or another of ` : 'one of '}${values.join(', ')}`,
          );
        } else if (issue.code === 'invalid_type') {
          add(
            node,
            'component',
            `<${name} ${prop}> must be text, not ${JSON.stringify(value)}`,
            `write ${prop}="…" — for example ${spec.example}`,
          );
        } else {
          add(node, 'component', `<${name} ${prop}="${value}"> does not go with its other attributes`, issue.message);
        }
      }
      for (const [prop, lookup] of Object.entries(spec.lookup ?? {})) {
        const value = props[prop];
        if (typeof value !== 'string') continue;
        if (lookup === 'glossary' && !context.glossaryIds.has(value)) {
          const guess = closest(value, context.glossaryIds);
          add(
            node,
            'term',
            `<Term id="${value}"> is not in the glossary (${context.glossaryFile})`,
            guess
              ? `did you mean id="${guess}"? Otherwise add an entry with id: ${value} to ${context.glossaryFile}`
              : `use an id from ${context.glossaryFile}, or add an entry with id: ${value} there`,
          );
        }
        if (lookup === 'diagram' && !context.diagramNames.has(value)) {
          const guess = closest(value, context.diagramNames);
          add(
            node,
            'diagram',
            `<Diagram name="${value}"> names no diagram in src/components/diagrams/`,
            `${guess ? `did you mean name="${guess}"? The diagrams are` : 'use one of'}: ${[...context.diagramNames].join(', ') || '(none yet)'}`,
          );
        }
      }
      const hasContent = (node.children ?? []).some((child) => child.type !== 'text' || (child.value ?? '').trim() !== '');
      if (!spec.content && hasContent)
        add(node, 'component', `<${name}> does not take content`, `write it as a single tag: ${spec.example}`);
      const children = (node.children ?? []).filter((child) => child.type !== 'text' || (child.value ?? '').trim() !== '');
      if (name === 'Steps' && !(children.length === 1 && children[0].type === 'list' && children[0].ordered)) {
        add(
          node,
          'component',
          '<Steps> must hold one numbered list (1. … 2. …) and nothing else',
          'put the steps as a Markdown numbered list between <Steps> and </Steps>, with a blank line after <Steps> and before </Steps>; text before or after the steps goes outside',
        );
      }
    }
  };

  const visit = (node: Node, inLater: boolean) => {
    if (!inLater && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) {
      const later = LATER_THINGS.exec(node.value ?? '');
      if (later) {
        add(
          node,
          'era/later',
          `\`${later[1]}\` is not part of Xen 3.4; it came in a later release`,
          'describe what Xen 3.4 does (xm, xend, GRUB legacy menu.lst) and move the mention of later versions into a <Callout type="later"> block',
        );
      }
    }
    switch (node.type) {
      case 'mdxjsEsm': {
        const lines = (node.value ?? '').split('\n');
        const first = start(node);
        lines.forEach((line, index) => {
          const where = { line: first.line + index, column: index === 0 ? first.column : 1 };
          if (/^\s*import\b/.test(line)) {
            const from = /from\s+['"]([^'"]+)['"]/.exec(line)?.[1] ?? /import\s+['"]([^'"]+)['"]/.exec(line)?.[1];
            const ownComponent = from && /components\/mdx\//.test(from);
            add(
              node,
              'mdx/import',
              ownComponent
                ? "articles do not import the site's components"
                : `the article imports ${from ? `"${from}"` : 'code'}; imports load code into the page`,
              `delete the line: ${COMPONENT_LIST} are available in every article without an import`,
              where,
            );
          } else if (/^\s*export\b/.test(line)) {
            add(
              node,
              'mdx/export',
              'the article exports code, which runs when the site is built',
              'delete the export; page data belongs in the frontmatter',
              where,
            );
          }
        });
        if (!lines.some((line) => /^\s*(import|export)\b/.test(line))) {
          add(node, 'mdx/export', 'this is JavaScript module code', 'delete it', first);
        }
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value ?? '')) {
          const code = (node.value ?? '').trim();
          add(
            node,
            'mdx/expression',
            `{${code.length > 40 ? `${code.slice(0, 37)}...` : code}} is a JavaScript expression`,
            'articles hold no code: to show braces as text write \\{ and \\}, or put the text in `inline code`',
          );
        }
        return;
      case 'html':
        add(
          node,
          'mdx/html',
          'raw HTML is not allowed in articles',
          `write it in Markdown or with a site component; the only HTML allowed is ${ELEMENT_LIST}`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        if (node.name === 'Callout' && node.attributes?.some((a) => a.name === 'type' && a.value === 'later')) inLater = true;
        break;
      case 'link':
        checkUrl(node, node.url ?? '', 'link');
        if (!hasText(node))
          add(
            node,
            'link/text',
            `the link to ${node.url} has no text`,
            'write the text readers click between the brackets: [Boot Xen](/guides/boot-xen/)',
          );
        break;
      case 'image':
        checkUrl(node, node.url ?? '', 'image');
        if (!(node.alt ?? '').trim()) {
          add(
            node,
            'image/alt',
            `the image ${node.url} has no alt text`,
            'describe what the image shows between the brackets: ![Dom0 and two guests on Xen](/images/layout.png)',
          );
        }
        return;
      case 'definition':
        checkUrl(node, node.url ?? '', 'definition');
        return;
      case 'table': {
        // An empty header cell leaves its column without a name for screen readers (axe: empty-table-header).
        const header = node.children?.[0];
        header?.children?.forEach((cell, index) => {
          if (!hasText(cell))
            add(
              cell,
              'table/empty-header',
              `column ${index + 1} of the table has an empty header cell, so screen readers cannot name the column`,
              'write a short header for it, such as | Option | Default | Meaning |',
            );
        });
        break;
      }
      case 'text':
        if (PLACEHOLDER.test(node.value ?? '')) {
          const word = PLACEHOLDER.exec(node.value ?? '')![1];
          add(
            node,
            'text/placeholder',
            `"${word}" marks unfinished text`,
            'write the final text, or leave the article out of the pull request until it is done (set draft: true to keep it unpublished)',
          );
        }
        return;
      default:
        break;
    }
    for (const child of node.children ?? []) visit(child, inLater);
  };
  visit(tree, false);
  return { problems, links };
}

/** True for a GFM literal autolink such as `www.example.com` written as plain text. */
function isBareAddress(node: Node, url: string): boolean {
  const text = (node.children ?? []).map((child) => child.value ?? '').join('');
  return text === url.slice(7);
}

/** Any text inside a node (link text, image alt in a link, inline code). */
function hasText(node: Node): boolean {
  if ((node.type === 'text' || node.type === 'inlineCode') && (node.value ?? '').trim()) return true;
  if (node.type === 'image' && (node.alt ?? '').trim()) return true;
  return (node.children ?? []).some(hasText);
}

/** The first dangerous URL scheme in a value, looking inside lists and objects. */
function findUnsafe(value: Literal): string | undefined {
  if (typeof value === 'string') return hasUnsafeScheme(value);
  if (Array.isArray(value)) return value.map(findUnsafe).find(Boolean);
  if (value && typeof value === 'object') return Object.values(value).map(findUnsafe).find(Boolean);
  return undefined;
}
