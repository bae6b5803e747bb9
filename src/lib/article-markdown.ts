/**
 * The Markdown version of an article (`/guides/boot-xen.md`), for tools and language models: a
 * title line, the description, the body with every MDX component written as plain Markdown, and
 * the sources.
 *
 * The body is parsed with satteri's `mdxToMdast`; each component is replaced in the syntax tree by
 * what it shows, built from the same data and the same functions the component uses
 * (reference-tables.ts, source-listing.ts, the props schemas of src/components/mdx/props.ts), and
 * the tree is written out by mdast-to-markdown.ts. A component with no Markdown version is an
 * error, so adding one to the site means adding it here (a unit test checks every component).
 */
import { mdxToMdast, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import type { BlockContent, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import {
  auditLedgerProps,
  bootOptionsTableProps,
  CALLOUT_LABELS,
  calloutProps,
  calloutSeparator,
  comparisonMatrixProps,
  diagramProps,
  domainConfigTableProps,
  glossaryListProps,
  sourceChangesProps,
  sourceListingProps,
  stepsProps,
  termProps,
  xendConfigTableProps,
  xenpmTableProps,
  xmCommandsTableProps,
} from '../components/mdx/props.ts';
import { CRITERIA, type Criterion } from '../schemas/data.ts';
import type { Source } from '../schemas/source.ts';
import { SITE } from '../site.config.ts';
import type { DiagramText } from './diagram-text.ts';
import { splitInlineCode } from './inline-code.ts';
import { blockquote, heading, inlineCode, link, list, paragraph, strong, text } from './mdast-build.ts';
import { toMarkdown } from './mdast-to-markdown.ts';
import { articleUrl } from './paths.ts';
import {
  bootOptionsTable,
  cellText,
  COMPARISON_CAPTION,
  domainConfigTable,
  HYPERVISOR_TYPE_LABELS,
  RATING_TEXT,
  sortGlossary,
  sortProducts,
  sourceListingTable,
  xendConfigTable,
  xenpmTable,
  xmCommandsTable,
  type ReferenceData,
  type TableSpec,
} from './reference-tables.ts';
import {
  ALSO_JOINERS,
  AUDIT_LINK_TEXT,
  auditSummary,
  auditUrl,
  changeRows,
  changesCaption,
  ledgerCaption,
  ledgerChecked,
  ledgerFile,
  ledgerPage,
  ledgerRows,
  noChangesText,
} from './source-listing.ts';
import type { SourceManifests } from './xen-source/manifests.ts';

/** Everything the components of an article may show: the data files, the manifests, the diagrams. */
export interface MarkdownData extends ReferenceData {
  manifests: SourceManifests;
  /** The words of each diagram, by its kebab-case name (diagram-text.ts). */
  diagrams: ReadonlyMap<string, DiagramText>;
  /** Article titles by id, for the glossary's "read more" links. */
  articleTitles: ReadonlyMap<string, string>;
  /** The origin links are made absolute against; the site's own by default. */
  origin?: string;
}

/** The parts of an article its Markdown version shows. */
export interface MarkdownArticle {
  id: string;
  /** The MDX source after the frontmatter. */
  body?: string | undefined;
  data: {
    title: string;
    description: string;
    kind: string;
    sources: readonly Source[];
    prerequisites?: readonly string[] | undefined;
    estimatedMinutes?: number | undefined;
  };
}

/** The Markdown version of an article, as served at its .md URL. */
export function articleMarkdown(article: MarkdownArticle, data: MarkdownData): string {
  return toMarkdown(articleTree(article, data));
}

/** The syntax tree of an article's Markdown version. */
export function articleTree(article: MarkdownArticle, data: MarkdownData): Root {
  const { title, description, kind, sources, prerequisites = [], estimatedMinutes } = article.data;
  const page = new URL(articleUrl(article.id), data.origin ?? SITE.url).href;
  // The article's row of the audit ledger, as its page's Sources link it.
  const audit = data.ledger.find((row) => row.file === ledgerFile(article.id));
  const before: RootContent[] = [];
  if (kind === 'guide' && (prerequisites.length || estimatedMinutes)) {
    // The page's "Before you start" box.
    before.push(heading(2, 'Before you start'));
    if (estimatedMinutes) before.push(paragraph([text(`Time needed: about ${estimatedMinutes} minutes.`)]));
    if (prerequisites.length) before.push(list(prerequisites.map((item) => [paragraph([text(item)])])));
  }
  return {
    type: 'root',
    children: [
      heading(1, title),
      blockquote([paragraph([text(description)])]),
      paragraph([text('Web page: '), link(page, page)]),
      ...before,
      ...bodyNodes(article.body ?? '', data, { id: article.id, page }),
      heading(2, 'Sources'),
      list(
        sources.map((source) => [paragraph([link(source.url, source.title)])]),
        true,
      ),
      ...(audit ? [paragraph([text(`${auditSummary({ ...audit, unverifiable: audit.unverifiable.length })} `), link(new URL(auditUrl(audit.file), page).href, AUDIT_LINK_TEXT)])] : []),
    ],
  };
}

/** Where a body is converted: for error messages and to make its links absolute. */
interface Where {
  /** The article's id, named in errors. */
  id: string;
  /** The absolute URL of its page; relative links and #fragments resolve against it. */
  page: string;
}

/** The blocks of an MDX body with its components replaced by Markdown. */
export function bodyNodes(body: string, data: MarkdownData, where: Where): RootContent[] {
  const tree = mdxToMdast(body, { position: false }) as Root;
  return transform(tree.children, data, where);
}

/** Node types that live inside a paragraph. */
const PHRASING = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'image', 'html', 'break', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression']);

/** An MDX element: `<Callout type="tip">…</Callout>`, `<kbd>`. */
type MdxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * The nodes with every MDX element replaced by what it shows and every link made absolute. The
 * tree's node types stay mdast's; the casts below only tell TypeScript that a parent keeps the
 * kind of children it had.
 */
function transform(nodes: readonly RootContent[], data: MarkdownData, where: Where): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const shown = element(node, data, where);
        // An inline element written on a line of its own (`<Term id="hvm">HVM</Term>`) is a paragraph.
        const inParagraph = node.type === 'mdxJsxFlowElement' && shown.some((child) => PHRASING.has(child.type));
        return transform(inParagraph ? [paragraph(shown as PhrasingContent[])] : shown, data, where);
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'mdxjsEsm':
        // Comments ({/* … */}); the content policy allows nothing else in braces.
        return [];
      case 'link':
        return [{ ...node, url: absolute(node.url, where.page), children: transform(node.children, data, where) as PhrasingContent[] }];
      case 'image':
      case 'definition':
        return [{ ...node, url: absolute(node.url, where.page) }];
      case 'code': {
        // A code block's title ("/boot/grub/menu.lst", "Output") becomes a line above it.
        const title = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(node.meta ?? '');
        const code = { ...node, meta: null };
        return title ? [paragraph([{ type: 'emphasis', children: [text(title[1] ?? title[2] ?? '')] }]), code] : [code];
      }
      default:
        return 'children' in node ? [{ ...node, children: transform(node.children, data, where) } as RootContent] : [node];
    }
  });
}

/** A URL as a reader of the Markdown outside the site needs it: absolute. */
function absolute(url: string, page: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : new URL(url, page).href;
}

/** The props written on an MDX element, as the component receives them. */
function propsOf(node: MdxElement, where: Where): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) throw new Error(`${where.id}: <${node.name}> has an attribute in braces that the Markdown version cannot read.`);
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else props[attribute.name] = JSON.parse(String((value as { value: unknown }).value));
  }
  return props;
}

/** What one MDX element shows, as Markdown nodes (still to be transformed). */
function element(node: MdxElement, data: MarkdownData, where: Where): RootContent[] {
  const props = propsOf(node, where);
  const manifest = data.manifests.current;
  switch (node.name) {
    case 'Term': {
      const { id } = termProps.parse(props);
      return node.children.length ? node.children : [text(data.glossary.find((entry) => entry.id === id)?.term ?? id)];
    }
    case 'Callout': {
      const { type, title } = calloutProps.parse(props);
      const label = CALLOUT_LABELS[type] + (title ? calloutSeparator(type) + title : '');
      return [blockquote([paragraph([strong(label)]), ...(node.children as BlockContent[])])];
    }
    case 'Steps': {
      stepsProps.parse(props);
      const [only, ...rest] = node.children;
      if (only?.type !== 'list' || only.ordered !== true || rest.length) throw new Error(`${where.id}: <Steps> must contain one numbered list and nothing else.`);
      return [only];
    }
    case 'Diagram': {
      const { name } = diagramProps.parse(props);
      const diagram = data.diagrams.get(name);
      if (!diagram) throw new Error(`${where.id}: <Diagram name="${name}">: no such diagram. Available: ${[...data.diagrams.keys()].join(', ')}.`);
      return [paragraph([strong(`Diagram: ${diagram.title}.`), text(` ${diagram.description}`)])];
    }
    case 'BootOptionsTable':
      return tableNodes(bootOptionsTable(data.bootOptions, bootOptionsTableProps.parse(props).area));
    case 'XenpmTable':
      xenpmTableProps.parse(props);
      return tableNodes(xenpmTable(data.xenpm));
    case 'XmCommandsTable':
      return tableNodes(xmCommandsTable(data.xm, manifest, xmCommandsTableProps.parse(props).group));
    case 'DomainConfigTable':
      return tableNodes(domainConfigTable(data.domainConfig, domainConfigTableProps.parse(props).guest));
    case 'XendConfigTable':
      return tableNodes(xendConfigTable(data.xendConfig, manifest, xendConfigTableProps.parse(props).area));
    case 'SourceListing': {
      const { list: which, group } = sourceListingProps.parse(props);
      return tableNodes(sourceListingTable(manifest, data, which, group));
    }
    case 'GlossaryList':
      glossaryListProps.parse(props);
      return glossaryNodes(data);
    case 'ComparisonMatrix':
      comparisonMatrixProps.parse(props);
      return comparisonNodes(data);
    case 'SourceChanges': {
      const { category } = sourceChangesProps.parse(props);
      const rows = changeRows(data.manifests, category, data);
      if (!rows.length) return [paragraph([text(noChangesText(category))])];
      return captioned(changesCaption(category, rows), ['Name', 'Change', 'Commit'], rows.map((row) => [
        [row.href ? link(row.href, [inlineCode(row.name)]) : inlineCode(row.name)],
        [text(row.change === 'added' ? 'Added' : 'Removed')],
        row.commit
          ? [
              link(row.commit.url, [inlineCode(row.commit.id)]),
              text(` ${row.commit.subject}`),
              // A name removed in steps lists every step, as the page does.
              ...row.also.flatMap((also, index) => [text(index === 0 ? ALSO_JOINERS.first : ALSO_JOINERS.next), link(also.url, [inlineCode(also.id)]), text(` ${also.subject}`)]),
            ]
          : [text('not found in the history')],
      ]));
    }
    case 'AuditLedger': {
      auditLedgerProps.parse(props);
      const rows = ledgerRows(data.ledger);
      return captioned(ledgerCaption(rows), ['File', 'Checked', 'Corrected', 'What the audit found'], rows.map((row) => {
        const page = ledgerPage(row.file);
        const found: PhrasingContent[] = [];
        const part = (label: string, items: PhrasingContent[][]) => {
          if (!items.length) return;
          if (found.length) found.push(text(' '));
          found.push(strong(`${label}:`), text(' '));
          items.forEach((item, index) => found.push(...(index ? [text('; ')] : []), ...item));
          found.push(text('.'));
        };
        part(`${row.corrections.length} corrections`, row.corrections.map(inlineText));
        part(`${row.confirmed.length} notable claims confirmed`, row.confirmed.map(inlineText));
        part(`${row.unverifiable.length} not settled by the tree`, row.unverifiable.map((item) => [...inlineText(item.claim), text(' — '), ...inlineText(item.why)]));
        return [
          [page ? link(page, [inlineCode(row.file)]) : inlineCode(row.file)],
          [text(ledgerChecked(row))],
          [text(String(row.corrected))],
          found.length ? found : [text(row.note ?? 'Nothing to correct.')],
        ];
      }));
    }
    // The few HTML elements articles may use (the content policy's list).
    case 'kbd':
      return [inlineCode(plainText(node.children))];
    case 'sub':
    case 'sup':
      return [{ type: 'html', value: `<${node.name}>` }, ...node.children, { type: 'html', value: `</${node.name}>` }];
    case 'abbr':
      return node.children;
    case 'br':
      return [{ type: 'break' }];
    default:
      throw new Error(`${where.id}: <${node.name ?? 'fragment'}> has no Markdown version. Add one to src/lib/article-markdown.ts.`);
  }
}

/** A reference table: its caption, then the table with a last column for each row's source. */
function tableNodes(spec: TableSpec): RootContent[] {
  if (!spec.rows.length) return [];
  return captioned(
    spec.caption,
    [...spec.columns.map((column) => column.label), spec.sourceLabel ?? 'Source'],
    spec.rows.map((row) => [
      ...spec.columns.map((column) => {
        const value = cellText(row[column.key]);
        return column.code && value !== '—' ? [inlineCode(value)] : inlineText(value);
      }),
      sourceLinks(row.sources),
    ]),
  );
}

/** Links to an entry's sources, separated by semicolons. */
function sourceLinks(sources: readonly Source[]): PhrasingContent[] {
  return sources.flatMap((source, index) => [...(index ? [text('; ')] : []), link(source.url, source.title)]);
}

function glossaryNodes(data: MarkdownData): RootContent[] {
  return captioned(undefined, ['Term', 'Definition', 'Read more', 'Source'], sortGlossary(data.glossary).map((entry) => [
    [strong(entry.term), ...(entry.expansion ? [text(` (${entry.expansion})`)] : [])],
    inlineText(entry.definition),
    entry.articles.flatMap((id, index) => [...(index ? [text(', ')] : []), link(articleUrl(id), data.articleTitles.get(id) ?? id)]),
    sourceLinks(entry.sources),
  ]));
}

function comparisonNodes(data: MarkdownData): RootContent[] {
  const criteria = Object.entries(CRITERIA) as [Criterion, string][];
  return captioned(COMPARISON_CAPTION, ['Product', 'Type', ...criteria.map(([, label]) => label)], sortProducts(data.products).map(({ data: product }) => [
    [strong(product.name), text(` (${product.vendor})`)],
    [text(HYPERVISOR_TYPE_LABELS[product.type])],
    ...criteria.map(([key]) => {
      const cell = product.cells[key];
      return [
        text(`${cell.rating ? `${RATING_TEXT[cell.rating]}: ` : ''}${cell.value} `),
        link(cell.source.url, 'source'),
        ...(cell.note ? [text(`. Caveat: ${cell.note}`)] : []),
      ];
    }),
  ]));
}

/** A caption line (when there is one) and a table. */
function captioned(caption: string | undefined, header: string[], rows: PhrasingContent[][][]): RootContent[] {
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) });
  const table: Table = { type: 'table', align: header.map(() => null), children: [row(header.map((label) => [text(label)])), ...rows.map(row)] };
  return [...(caption ? [paragraph([strong(caption)])] : []), table];
}

/** Text from a data file, where `backticks` mark code. */
function inlineText(value: string): PhrasingContent[] {
  return splitInlineCode(value).map((part) => ('code' in part ? inlineCode(part.code) : text(part.text)));
}

function plainText(nodes: readonly RootContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : '')).join('');
}
