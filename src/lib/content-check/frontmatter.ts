import { articleSchema, type ArticleData } from '../../schemas/article.ts';
import { KINDS, kindOfSection, SECTIONS, type Kind } from '../../schemas/kinds.ts';
import { slugify, slugSchema } from '../../schemas/slug.ts';
import type { Problem, Where } from './problem.ts';
import { issuesToProblems } from './zod-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** The frontmatter block of an MDX file: its YAML text and the file line it starts on. */
export function splitFrontmatter(source: string): { yaml: string; firstLine: number; endLine: number } | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), firstLine: 2, endLine: end + 1 };
}

/** Every field an article's frontmatter may have. */
export const ARTICLE_FIELDS = Object.keys(articleSchema.shape);

/** The result of checking one article's frontmatter. */
export interface FrontmatterResult {
  problems: Problem[];
  /** The validated data, when valid. */
  data?: ArticleData;
  /** Raw data (what the author wrote), even when invalid. */
  raw?: Record<string, unknown>;
  /** Finds the line of a field, for problems found later (duplicates, related). */
  yaml?: YamlSource;
}

/**
 * Checks the frontmatter of the article `id` (`guides/boot-xen`) in `file` against the article
 * schema and its folder, placing every problem on its line.
 */
export function checkFrontmatter(file: string, id: string, source: string): FrontmatterResult {
  const block = splitFrontmatter(source);
  if (!block) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          rule: 'frontmatter',
          message: 'the file does not start with a frontmatter block between two lines of ---',
          fix: 'start the file with ---, the fields (title, description, kind, topics, sources), then --- (run `npm run new` to get a complete example)',
        },
      ],
    };
  }
  const yaml = parseYamlSource(block.yaml, block.firstLine - 1, { line: 1, column: 1 });
  if (yaml.errors.length) {
    return {
      yaml,
      problems: yaml.errors.map(({ where, message }) => ({
        file,
        ...where,
        rule: 'frontmatter',
        message: `the YAML does not parse: ${message}`,
        fix: 'check the indentation and quoting; put any value containing ": " or " #" in double quotes',
      })),
    };
  }
  const raw = yaml.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      yaml,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          rule: 'frontmatter',
          message: 'the frontmatter is not a list of `field: value` lines',
          fix: 'write one `field: value` per line between the --- lines',
        },
      ],
    };
  }
  const record = raw as Record<string, unknown>;
  const result = articleSchema.safeParse(record);
  const problems = result.success
    ? []
    : issuesToProblems(result.error.issues, yaml, record, file, { knownFields: ARTICLE_FIELDS });
  if (!result.success) problems.push(...guideFieldProblems(file, record, yaml, problems));
  problems.push(...folderProblems(file, id, record.kind, yaml));
  return { problems, data: result.success ? result.data : undefined, raw: record, yaml };
}

/**
 * The schema checks the guide-only fields after every other field is valid; run the same rule
 * here so a contributor sees every problem in one go.
 */
function guideFieldProblems(file: string, data: Record<string, unknown>, yaml: YamlSource, already: Problem[]): Problem[] {
  const reported = (field: string) => already.some((problem) => problem.rule === field || problem.rule.startsWith(`${field}[`));
  const problems: Problem[] = [];
  const add = (field: string, message: string, fix: string) => {
    if (!reported(field)) problems.push({ file, ...yaml.locate([field]), rule: field, message, fix });
  };
  if (data.kind === 'guide') {
    if (!Array.isArray(data.prerequisites) || data.prerequisites.length === 0) {
      add('prerequisites', '`prerequisites` is missing', 'guides need `prerequisites`: a list of what the reader needs first');
    }
    if (data.estimatedMinutes === undefined) {
      add(
        'estimatedMinutes',
        '`estimatedMinutes` is missing',
        'guides need `estimatedMinutes`: roughly how long the guide takes',
      );
    }
  } else if (typeof data.kind === 'string' && data.kind in KINDS) {
    for (const field of ['prerequisites', 'estimatedMinutes']) {
      if (data[field] !== undefined)
        add(
          field,
          `\`${field}\` is set on a ${data.kind}`,
          `\`${field}\` is only for guides — remove it or change \`kind\` to guide`,
        );
    }
  }
  return problems;
}

/** The folder decides the URL and the kind decides the layout, so they must agree. */
function folderProblems(file: string, id: string, kind: unknown, yaml: YamlSource): Problem[] {
  const parts = id.split('/');
  const sectionList = `content/articles/{${SECTIONS.join(',')}}/`;
  if (parts.length !== 2) {
    return [
      {
        file,
        line: 1,
        column: 1,
        rule: 'file/location',
        message:
          parts.length < 2
            ? 'the article is not inside a section folder'
            : `the article is ${parts.length - 1} folders deep; articles sit directly in a section folder`,
        fix: `move it to ${sectionList}<slug>.mdx, the section that matches its kind`,
      },
    ];
  }
  const [section, slug] = parts;
  const problems: Problem[] = [];
  const folderKind = kindOfSection(section);
  if (!folderKind) {
    problems.push({
      file,
      line: 1,
      column: 1,
      rule: 'file/location',
      message: `"${section}" is not a section folder`,
      fix: `move the file into ${sectionList}, the one that matches its kind`,
    });
  } else if (typeof kind === 'string' && kind in KINDS && kind !== folderKind) {
    problems.push({
      file,
      ...yaml.locate(['kind']),
      rule: 'kind',
      message: `the file is in ${section}/ but says kind: ${kind}`,
      fix: `set kind: ${folderKind}, or move the file to content/articles/${KINDS[kind as Kind].section}/`,
    });
  }
  if (!slugSchema.safeParse(slug).success) {
    problems.push({
      file,
      line: 1,
      column: 1,
      rule: 'file/name',
      message: `the file name "${slug}.mdx" is not kebab-case; it becomes the page URL`,
      fix: `rename it to ${slugify(slug)}.mdx (lower-case letters, digits and hyphens)`,
    });
  }
  return problems;
}

/** Where a field of the frontmatter is, for checks that run after parsing. */
export function fieldWhere(result: FrontmatterResult, path: readonly PropertyKey[]): Where {
  return result.yaml?.locate(path) ?? { line: 1, column: 1 };
}
