import type { z } from 'astro/zod';
import { slugify, slugSchema } from '../../schemas/slug.ts';
import { folderMismatch } from '../paths.ts';
import type { Problem } from './problem.ts';
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
  const problem = (message: string, fix: string) => ({ file, line: 1, column: 1, rule: 'frontmatter', message, fix });
  if (!block) {
    const fix =
      'start the file with ---, the fields (title, description, kind, topics, sources), then --- (run `npm run new` to get a complete example)';
    return { problems: [problem('the file does not start with a frontmatter block between two lines of ---', fix)] };
  }
  const yaml = parseYamlSource(block.yaml, block.firstLine - 1, { line: 1, column: 1 });
  const fix = 'check the indentation and quoting; put any value containing ": " or " #" in double quotes';
  const problems = yaml.errors.map(({ where, message }) => ({
    ...problem(`the YAML does not parse: ${message}`, fix),
    ...where,
  }));
  if (problems.length) return { yaml, problems };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return {
      yaml,
      problems: [
        problem(
          'the frontmatter is not a list of `field: value` lines',
          'write one `field: value` per line between the --- lines',
        ),
      ],
    };
  }
  return { yaml, problems, raw: yaml.data as Record<string, unknown> };
}

/**
 * Checks the read frontmatter of the article `id` (`guides/boot-xen`) against `schema`, and its
 * folder and file name, placing every problem on its line.
 */
export function checkFrontmatter(
  file: string,
  id: string,
  raw: Record<string, unknown>,
  yaml: YamlSource,
  schema: z.ZodType,
): Problem[] {
  const problems = validate(schema, raw, yaml, file);
  const mismatch = folderMismatch(id, raw.kind);
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
    const fix = `rename it to ${slugify(slug)}.mdx (lower-case letters, digits and hyphens)`;
    problems.push({
      file,
      line: 1,
      column: 1,
      rule: 'file/name',
      message: `the file name "${slug}.mdx" is not kebab-case; it becomes the page URL`,
      fix,
    });
  }
  return problems;
}
