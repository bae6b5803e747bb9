import type { z } from 'astro/zod';
import { slugify, slugSchema } from '../../schemas/slug.ts';
import { folderMismatch } from '../paths.ts';
import type { Problem, Where } from './problem.ts';
import { validate } from './zod-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** The frontmatter block of an MDX file: its YAML text and the file line it starts on. */
export function splitFrontmatter(source: string): { yaml: string; firstLine: number; endLine: number } | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), firstLine: 2, endLine: end + 1 };
}

/** Where a problem about the whole file points. */
const WHOLE_FILE: Where = { line: 1, column: 1 };

/** An article's frontmatter as written: its fields, where each sits, and why it could not be read. */
export interface Frontmatter {
  problems: Problem[];
  /** The fields, when the block parses to a mapping. */
  raw?: Record<string, unknown>;
  yaml?: YamlSource;
}

/** Reads the frontmatter block of the article in `file`, before any schema is applied. */
export function readFrontmatter(file: string, source: string): Frontmatter {
  const block = splitFrontmatter(source);
  const problem = (message: string, fix: string, where = WHOLE_FILE) => ({
    file,
    ...where,
    rule: 'frontmatter',
    message,
    fix,
  });
  if (!block) {
    const fix =
      'start the file with ---, the fields (title, description, kind, topics, sources), then --- (run `npm run new` to get a complete example)';
    return { problems: [problem('the file does not start with a frontmatter block between two lines of ---', fix)] };
  }
  const yaml = parseYamlSource(block.yaml, block.firstLine - 1, WHOLE_FILE);
  const quoting = 'check the indentation and quoting; put any value containing ": " or " #" in double quotes';
  const problems = yaml.errors.map(({ where, message }) => problem(`the YAML does not parse: ${message}`, quoting, where));
  const raw = yaml.data;
  if (!problems.length && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    problems.push(
      problem('the frontmatter is not a list of `field: value` lines', 'write one `field: value` per line between the --- lines'),
    );
  }
  return problems.length ? { yaml, problems } : { yaml, problems, raw: raw as Record<string, unknown> };
}

/**
 * Checks the read frontmatter of the article `id` (`guides/boot-xen`) against `schema`, and its
 * folder and file name, placing every problem on its line.
 */
export function checkFrontmatter(file: string, id: string, { raw, yaml }: Frontmatter, schema: z.ZodType): Problem[] {
  if (!raw || !yaml) return [];
  const problems = validate(schema, raw, yaml, file);
  const mismatch = folderMismatch(id, raw.kind);
  if (mismatch) {
    const { field, ...said } = mismatch;
    problems.push({ file, ...(field ? yaml.locate([field]) : WHOLE_FILE), rule: field ?? 'file/location', ...said });
  }
  const slug = id.split('/').pop()!;
  const message = `the file name "${slug}.mdx" is not kebab-case; it becomes the page URL`;
  const fix = `rename it to ${slugify(slug)}.mdx (lower-case letters, digits and hyphens)`;
  if (!slugSchema.safeParse(slug).success) problems.push({ file, ...WHOLE_FILE, rule: 'file/name', message, fix });
  return problems;
}
