import type { z } from 'astro/zod';
import type { Problem } from './problem.ts';
import { valueAt, type DataPath, type YamlSource } from './yaml-source.ts';

/** `sources[0].url` from `['sources', 0, 'url']`. */
export function fieldName(path: DataPath): string {
  let name = '';
  for (const key of path) name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`;
  return name;
}

/** A short, readable rendering of a value the contributor wrote. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'empty';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

// Zod's own messages start like this; schema authors' messages never do.
const DEFAULT_MESSAGE = /^(Too (small|big)|Invalid|Unrecognized key|Expected)/;

/** What is wrong, worked out from the issue and the value actually written. */
function whatIsWrong(issue: z.core.$ZodIssue, value: unknown, name: string): string {
  const field = `\`${name}\``;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null
        ? `${field} is missing`
        : `${field} is ${show(value)}, which is not ${article(issue.expected)}`;
    case 'too_big':
    case 'too_small': {
      const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      const bound = issue.code === 'too_big' ? 'at most' : 'at least';
      if (typeof value === 'string') return `${field} is ${value.length} characters long; it must be ${bound} ${limit}`;
      if (Array.isArray(value))
        return `${field} has ${value.length} ${value.length === 1 ? 'entry' : 'entries'}; it must have ${bound} ${limit}`;
      return `${field} is ${show(value)}; it must be ${bound} ${limit}`;
    }
    case 'invalid_value':
      return `${field} is ${show(value)}, which is not allowed`;
    case 'invalid_format':
      return `${field} is ${show(value)}, which is not a valid ${issue.format === 'url' ? 'URL' : issue.format}`;
    default:
      return value === undefined ? `${field} is missing` : `${field} is ${show(value)}`;
  }
}

/** How to fix it: the schema's author-facing message, or a plain one when Zod's default was used. */
function howToFix(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'too_small' && typeof value === 'string' && /^add /.test(issue.message)) {
    return `write at least ${String(issue.minimum)} characters`;
  }
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return `shorten it to at most ${String(issue.maximum)}`;
    case 'too_small':
      return `make it at least ${String(issue.minimum)}`;
    case 'invalid_type':
      return `write ${article(issue.expected)} here`;
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  return (
    {
      string: 'a text',
      number: 'a number',
      boolean: 'true or false',
      array: 'a list',
      object: 'a mapping of fields',
      date: 'a date',
    }[expected] ?? expected
  );
}

/**
 * Problems for the issues of one validation, each placed on the line of the YAML it concerns.
 * `prefix` is prepended to issue paths (the entry index in a list file). Only the first issue
 * per field is kept: a bad URL need not also be told to use https.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  yaml: YamlSource,
  data: unknown,
  file: string,
  options: { prefix?: DataPath; knownFields?: readonly string[]; label?: (path: DataPath) => string } = {},
): Problem[] {
  const prefix = options.prefix ?? [];
  const label = options.label ?? ((path: DataPath) => fieldName(path) || 'frontmatter');
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push({
          file,
          ...yaml.locateKey(path, key),
          rule: label(keyPath),
          message: `\`${key}\` is not a field here`,
          fix:
            options.knownFields && path.length === prefix.length
              ? `remove it or correct its spelling — the fields are: ${options.knownFields.join(', ')}`
              : 'remove it or correct its spelling',
        });
      }
      continue;
    }
    const key = fieldName(path) || '.';
    if (seen.has(key)) continue;
    seen.add(key);
    const value = valueAt(data, path);
    problems.push({
      file,
      ...yaml.locate(path),
      rule: label(path),
      message: whatIsWrong(issue, value, label(path)),
      fix: howToFix(issue, value),
    });
  }
  return problems;
}
