import { articleSchema, type ArticleData } from '../../schemas/article.ts';
import { slugify, slugSchema } from '../../schemas/slug.ts';
import { folderMismatch } from '../paths.ts';
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
 * schema, and its folder and file name, placing every problem on its line.
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
  const mismatch = folderMismatch(id, record.kind);
  if (mismatch) {
    const { field, message, fix } = mismatch;
    problems.push({
      file,
      ...(field ? yaml.locate([field]) : { line: 1, column: 1 }),
      rule: field ?? 'file/location',
      message,
      fix,
    });
  }
  const slug = id.split('/').pop()!;
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
  return { problems, data: result.success ? result.data : undefined, raw: record, yaml };
}

/** Where a field of the frontmatter is, for checks that run after parsing. */
export function fieldWhere(result: FrontmatterResult, path: readonly PropertyKey[]): Where {
  return result.yaml?.locate(path) ?? { line: 1, column: 1 };
}
