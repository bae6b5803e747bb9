import { DESCRIPTION_MAX } from '../schemas/article.ts';
import { KIND_IDS, KINDS, type Kind } from '../schemas/kinds.ts';
import { slugify, slugSchema } from '../schemas/slug.ts';
import { TOPIC_IDS } from '../schemas/topics.ts';

/** The README's "What is Xen?" section at the 3.4 branch point: a citation with its line, as the check requires. */
const BRANCH_README = 'https://github.com/xen-project/xen/blob/20a0b3ef152ef0f6a83b4644911086af85f2938d/README#L12-L20';

/** What `npm run new` asks for. */
export interface NewArticle {
  kind: Kind;
  title: string;
  topics: string[];
  slug: string;
  description?: string;
}

/** What the new article has to fit in with. */
export interface Existing {
  /** Ids of the articles already there (`guides/boot-xen`). */
  ids: string[];
  /** Their titles. */
  titles: string[];
  /** Highest `order` per section, so the new article goes last. */
  maxOrder: Partial<Record<string, number>>;
  /** Glossary ids, to show a working <Term> example. */
  glossaryIds: string[];
}

/** A URL slug from a title: `Virtual battery in Xen 3.4` → `virtual-battery-in-xen-3-4`, at most 60 characters. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= 60) return slug;
  return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

/** Splits `power, setup` or `power setup` into topic ids. */
export function parseTopics(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((topic) => topic.trim().toLowerCase())
    .filter(Boolean);
}

/** Problems with one answer, in words for the person running `npm run new`; empty when fine. */
export const validate = {
  kind(kind: string): string | undefined {
    return (KIND_IDS as readonly string[]).includes(kind) ? undefined : `kind must be one of: ${KIND_IDS.join(', ')}`;
  },
  title(title: string, existing: Existing): string | undefined {
    const trimmed = title.trim();
    if (trimmed.length < 3) return 'give the article a title (at least 3 characters)';
    if (trimmed.length > 90) return `the title is ${trimmed.length} characters; keep it under 70 (90 at most)`;
    const same = existing.titles.find((other) => other.trim().toLowerCase() === trimmed.toLowerCase());
    if (same) return `an article is already called "${same}"; choose a title of its own`;
    return undefined;
  },
  topics(topics: string[]): string | undefined {
    if (topics.length === 0) return `give at least one topic from: ${TOPIC_IDS.join(', ')}`;
    if (topics.length > 4) return 'use at most four topics (one to three is best)';
    const unknown = topics.filter((topic) => !(TOPIC_IDS as readonly string[]).includes(topic));
    if (unknown.length) return `unknown topic ${unknown.map((t) => `"${t}"`).join(', ')}; use: ${TOPIC_IDS.join(', ')}`;
    return undefined;
  },
  slug(slug: string, existing: Existing): string | undefined {
    if (!slugSchema.safeParse(slug).success)
      return `the slug "${slug}" must be kebab-case: lower-case letters, digits and hyphens`;
    const taken = existing.ids.find((id) => id.split('/').pop() === slug);
    if (taken) return `the article ${taken} already has the file name "${slug}"; choose another (--slug)`;
    return undefined;
  },
  description(description: string | undefined): string | undefined {
    if (description === undefined || description === '') return undefined;
    if (description.trim().length < 20) return 'the description should be a full sentence (at least 20 characters)';
    if (description.length > DESCRIPTION_MAX)
      return `the description is ${description.length} characters; keep it to ${DESCRIPTION_MAX}`;
    return undefined;
  },
};

/** Every problem with a complete set of answers. */
export function validateNewArticle(article: NewArticle, existing: Existing): string[] {
  return [
    validate.kind(article.kind),
    validate.title(article.title, existing),
    validate.topics(article.topics),
    validate.slug(article.slug, existing),
    validate.description(article.description),
  ].filter((problem): problem is string => problem !== undefined);
}

/** Where the article goes and where it can be previewed. */
export function articlePaths(article: Pick<NewArticle, 'kind' | 'slug'>): { id: string; file: string; url: string } {
  const section = KINDS[article.kind].section;
  return {
    id: `${section}/${article.slug}`,
    file: `articles/${section}/${article.slug}.mdx`,
    url: `/${section}/${article.slug}/`,
  };
}

const quote = (text: string) => JSON.stringify(text);

/**
 * A complete, valid article of the given kind: frontmatter that passes every check and a body
 * that tells the author what each part should say. It passes `npm run check:content` and
 * builds as it is, so the author starts from something that works.
 */
export function articleTemplate(article: NewArticle, existing: Existing): string {
  const section = KINDS[article.kind].section;
  const order = (existing.maxOrder[section] ?? 0) + 1;
  const description =
    article.description?.trim() || 'Say in one sentence of at most 160 characters what a reader gets from this page.';
  const note = (text: string, comment: string) => `${text.padEnd(26)}# ${comment}`;
  const front = [
    '---',
    `title: ${quote(article.title.trim())}`,
    `description: ${quote(description)}`,
    `kind: ${article.kind}`,
    `topics: [${article.topics.join(', ')}]`,
    note('audience: both', 'client | server | both'),
    note(`order: ${order}`, 'position in its section, lower first'),
    note('sources:', 'every fact needs one; list what you read'),
    '  - title: "Xen source at the 3.4 branch point: README"',
    `    url: "${BRANCH_README}"`,
    note('related: []', 'article ids such as guides/boot-xen'),
    ...(article.kind === 'guide'
      ? ['prerequisites:', '  - "A machine with Xen 3.4 installed and booted"', 'estimatedMinutes: 30']
      : []),
    '---',
    '',
  ];
  const term = ['hypervisor', 'dom0', 'xm'].find((id) => existing.glossaryIds.includes(id));
  const termLines = term
    ? [
        `Link the first mention of a term to the glossary, as in <Term id="${term}">${{ hypervisor: 'hypervisor', dom0: 'Dom0', xm: 'xm' }[term]}</Term>.`,
      ]
    : [];
  return [...front, ...BODIES[article.kind]([...SOURCING, ...termLines]), ''].join('\n');
}

const SOURCING = [
  'Give every fact a source: list the Xen source file, commit, mailing-list post or article you',
  'read under `sources` above, and drop the README entry if you did not use it. Link a file of the',
  'Xen tree at the 3.4 commit with the line that proves the fact, as in the README entry (#L12-L20).',
];

const LATER = [
  '<Callout type="later">',
  '',
  'Anything that arrived only after Xen 3.4 goes in a callout like this one, so that readers know it',
  'does not apply to 3.4. Delete the callout if there is nothing to say.',
  '',
  '</Callout>',
];

/** Body of each kind; `advice` is the sourcing (and glossary) paragraph. */
const BODIES: Record<Kind, (advice: string[]) => string[]> = {
  feature: (advice) => [
    'Open with two or three sentences in your own words: what this feature is, what it changes for',
    'an administrator, and whether it matters on a laptop, a server or both. The page title is printed',
    'above, so do not repeat it as a heading.',
    '',
    '## What it does',
    '',
    'Explain how the feature works in Xen 3.4.',
    ...advice,
    '',
    '## How to use it',
    '',
    'Show the boot option, `xm` command or configuration key that turns it on, in a code block with a',
    'language, one command per line and no prompt:',
    '',
    '```sh',
    'xm info',
    '```',
    '',
    ...LATER,
  ],
  guide: (advice) => [
    'Say in two or three sentences what the reader will have at the end of this guide and who it is',
    'for. The layout already prints the title, the time it takes and the prerequisites.',
    '',
    '## Steps',
    '',
    '<Steps>',
    '',
    '1. Write each step as one action. Put commands in a code block with the `sh` language, one',
    '   command per line and no prompt:',
    '',
    '   ```sh',
    '   xm list',
    '   ```',
    '',
    '2. Say what the reader sees when the step worked, and show real output in a `text` block.',
    ...advice.map((line) => `   ${line}`),
    '',
    '</Steps>',
    '',
    '## Check that it worked',
    '',
    'Give one command that confirms the result, and what it prints on a working system.',
    '',
    '## If something goes wrong',
    '',
    'Give each error a reader is likely to meet its own `###` heading, with the cause and the fix',
    'below it.',
    '',
    ...LATER,
  ],
  comparison: (advice) => [
    'Open with the question this comparison answers and who asks it, in two or three sentences of',
    'your own.',
    '',
    '## At a glance',
    '',
    'Summarise the differences in a Markdown table with one row per criterion, or use the',
    'comparison matrix of client hypervisors with `<ComparisonMatrix />`.',
    '',
    '## Where they differ',
    '',
    'Take the criteria one by one and say what each side did in 2009.',
    ...advice,
    '',
    '## Which to choose',
    '',
    'End with advice: which choice suits which reader, and why.',
    '',
    ...LATER,
  ],
  reference: (advice) => [
    'Say in one or two sentences what this page lists and where the values come from.',
    '',
    '## Entries',
    '',
    'Reference pages show data from the YAML files in content/ with the table components, such as',
    '`<XmCommandsTable />` or `<BootOptionsTable area="power" />`; add rows to those files rather',
    'than writing long tables by hand.',
    ...advice,
    '',
    ...LATER,
  ],
};

/** The audit ledger row a new article starts with: nothing checked yet, said plainly. */
export function ledgerRow(file: string): string {
  return [
    `- file: ${file}`,
    '  checked: 0',
    '  corrected: 0',
    '  note: "New article, not yet audited: before review, give the number of claims checked against the Xen 3.4 source, the corrections, and what the source cannot settle."',
    '',
  ].join('\n');
}
