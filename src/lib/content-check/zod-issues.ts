import type { z } from 'astro/zod';
import { errorMap, TYPE_NAMES } from '../../schemas/error-map.ts';
import type { Problem } from './problem.ts';
import type { DataPath, YamlSource } from './yaml-source.ts';

/** `sources[0].url` from `['sources', 0, 'url']`. */
export function fieldName(path: DataPath): string {
  let name = '';
  for (const key of path) name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`;
  return name;
}

/** A short, readable rendering of a value the contributor wrote. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

/** What is wrong, from the issue and the value actually written; a custom issue may say it in `params.problem`. */
function whatIsWrong(issue: z.core.$ZodIssue, value: unknown, field: string): string {
  if (issue.code === 'custom' && typeof issue.params?.problem === 'string') return issue.params.problem;
  if (value === undefined || value === null) return `${field} is missing`;
  const is = `${field} is ${show(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${is}, which is not ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small': {
      const limit = `${issue.code === 'too_big' ? 'at most' : 'at least'} ${String(issue.code === 'too_big' ? issue.maximum : issue.minimum)}`;
      if (typeof value === 'string') return `${field} is ${value.length} characters long; it must be ${limit}`;
      if (Array.isArray(value))
        return `${field} has ${value.length} ${value.length === 1 ? 'entry' : 'entries'}; it must have ${limit}`;
      return `${is}; it must be ${limit}`;
    }
    case 'invalid_value':
      return `${is}, which is not allowed`;
    case 'invalid_format':
      return `${is}, which is not a valid ${issue.format === 'url' ? 'URL' : issue.format}`;
    default:
      return is;
  }
}

/**
 * Validates `data` with `schema` and places each issue on the line of the YAML it concerns:
 * what is wrong, from the value written, and how to fix it, from the schema's message or
 * errorMap's. `prefix` locates `data` in the file (the entry index in a list file). Only the
 * first issue per field is kept: a bad URL need not also be told to use https.
 */
export function validate(
  schema: z.ZodType,
  data: unknown,
  yaml: YamlSource,
  file: string,
  {
    prefix = [],
    label = (path) => fieldName(path) || 'frontmatter',
  }: { prefix?: DataPath; label?: (path: DataPath) => string } = {},
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of schema.safeParse(data, { error: errorMap }).error?.issues ?? []) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const message = `\`${key}\` is not a field here`;
        problems.push({ file, ...yaml.locateKey(path, key), rule: label([...path, key]), message, fix: issue.message });
      }
    } else if (!seen.has(fieldName(path))) {
      seen.add(fieldName(path));
      const field = label(path);
      const value = issue.path.reduce<unknown>((parent, key) => (parent as Record<PropertyKey, unknown> | null)?.[key], data);
      const message = whatIsWrong(issue, value, `\`${field}\``);
      problems.push({ file, ...yaml.locate(path), rule: field, message, fix: issue.message });
    }
  }
  return problems;
}
