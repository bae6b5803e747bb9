import { entryId, productSchema, type ListFile } from '../../schemas/data.ts';
import type { Problem } from './problem.ts';
import { fieldName, validate } from './zod-issues.ts';
import { parseYamlSource, type DataPath, type YamlSource } from './yaml-source.ts';

/** A checked data file: its problems, its entries and where each of their values sits. */
export interface DataFile {
  file: string;
  problems: Problem[];
  entries: unknown[];
  yaml: YamlSource;
}

const yamlProblems = (file: string, yaml: YamlSource): Problem[] =>
  yaml.errors.map(({ where, message }) => ({
    file,
    ...where,
    rule: 'yaml',
    message: `the YAML does not parse: ${message}`,
    fix: 'check the indentation and quoting; put any value containing ": " or " #" in double quotes',
  }));

/** Checks a list file: YAML syntax, every entry against its schema, and that no two entries share a name. */
export function checkListFile(file: string, text: string, { schema, key }: ListFile): DataFile {
  const yaml = parseYamlSource(text);
  const entries = Array.isArray(yaml.data) ? yaml.data : [];
  const problems = yamlProblems(file, yaml);
  if (!problems.length && !Array.isArray(yaml.data)) {
    const fix = 'start every entry with "- " (see the format in CONTRIBUTING.md)';
    problems.push({ file, line: 1, column: 1, rule: 'yaml', message: 'the file is not a YAML list', fix });
  }
  const label = (path: DataPath) => fieldName(path.slice(1)) || `entry ${Number(path[0]) + 1}`;
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    problems.push(...validate(schema, entry, yaml, file, { prefix: [index], label }));
    if (!key.length || entry === null || typeof entry !== 'object') return;
    const id = entryId(key, entry, index);
    const first = seen.get(id);
    if (first === undefined) return void seen.set(id, index);
    const name = key.map((field) => `${field} "${String((entry as Record<string, unknown>)[field])}"`).join(' with ');
    const message = `${name} is already used by entry ${first + 1} (line ${yaml.locate([first]).line})`;
    problems.push({
      file,
      ...yaml.locate([index, key[0]]),
      rule: key[0],
      message,
      fix: 'merge the two entries, or give this one its own name',
    });
  });
  return { file, problems, entries, yaml };
}

/** Checks one product file of the comparison matrix. */
export function checkProductFile(file: string, text: string): Problem[] {
  const yaml = parseYamlSource(text);
  return yaml.errors.length ? yamlProblems(file, yaml) : validate(productSchema, yaml.data, yaml, file);
}
