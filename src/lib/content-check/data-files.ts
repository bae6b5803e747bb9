import type { z } from 'astro/zod';
import {
  bootOptionSchema,
  domainConfigSchema,
  glossarySchema,
  productSchema,
  synonymGroupSchema,
  xenpmSchema,
  xmCommandSchema,
} from '../../schemas/data.ts';
import { LEDGER_FILE, ledgerEntrySchema } from '../../schemas/ledger.ts';
import type { Problem } from './problem.ts';
import { fieldName, issuesToProblems } from './zod-issues.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** A data file that holds a YAML list of entries. */
export interface ListFileSpec {
  /** File name inside the content folder. */
  name: string;
  /** Schema of one entry. */
  schema: z.ZodType;
  /** The field whose value must be unique, and how to build the unique key from an entry. */
  unique?: {
    field: string;
    key: (entry: Record<string, unknown>) => string;
    describe: (entry: Record<string, unknown>) => string;
  };
}

/** The list files the site loads (see src/content.config.ts). */
export const LIST_FILES: ListFileSpec[] = [
  {
    name: 'glossary.yaml',
    schema: glossarySchema,
    unique: { field: 'id', key: (e) => String(e.id), describe: (e) => `id "${String(e.id)}"` },
  },
  {
    name: 'boot-options.yaml',
    schema: bootOptionSchema,
    unique: { field: 'name', key: (e) => String(e.name), describe: (e) => `option "${String(e.name)}"` },
  },
  {
    name: 'xenpm.yaml',
    schema: xenpmSchema,
    unique: { field: 'command', key: (e) => String(e.command), describe: (e) => `command "${String(e.command)}"` },
  },
  {
    name: 'xm-commands.yaml',
    schema: xmCommandSchema,
    unique: { field: 'command', key: (e) => String(e.command), describe: (e) => `command "${String(e.command)}"` },
  },
  {
    name: 'domain-config.yaml',
    schema: domainConfigSchema,
    unique: {
      field: 'key',
      key: (e) => `${String(e.key)}@${String(e.guest)}`,
      describe: (e) => `key "${String(e.key)}" for guest ${String(e.guest)}`,
    },
  },
  { name: 'search-synonyms.yaml', schema: synonymGroupSchema },
  {
    name: LEDGER_FILE,
    schema: ledgerEntrySchema,
    unique: { field: 'file', key: (e) => String(e.file), describe: (e) => `the row for ${String(e.file)}` },
  },
];

/** A checked data file: its problems, its entries and where each of their values sits. */
export interface DataFileResult {
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

/** Checks a list file: YAML syntax, every entry against its schema, unique names. */
export function checkListFile(file: string, text: string, spec: ListFileSpec): DataFileResult {
  const yaml = parseYamlSource(text);
  if (yaml.errors.length) return { problems: yamlProblems(file, yaml), entries: [], yaml };
  const data = yaml.data;
  if (!Array.isArray(data)) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          rule: 'yaml',
          message: 'the file is not a YAML list',
          fix: 'start every entry with "- " (see the format in CONTRIBUTING.md)',
        },
      ],
      entries: [],
      yaml,
    };
  }
  const problems: Problem[] = [];
  const label = (path: readonly PropertyKey[]) => fieldName(path.slice(1)) || `entry ${Number(path[0]) + 1}`;
  const seen = new Map<string, number>();
  data.forEach((entry, index) => {
    const result = spec.schema.safeParse(entry);
    if (!result.success) problems.push(...issuesToProblems(result.error.issues, yaml, data, file, { prefix: [index], label }));
    if (spec.unique && entry && typeof entry === 'object') {
      const record = entry as Record<string, unknown>;
      const key = spec.unique.key(record);
      const first = seen.get(key);
      if (first !== undefined) {
        const firstLine = yaml.locate([first]).line;
        problems.push({
          file,
          ...yaml.locate([index, spec.unique.field]),
          rule: spec.unique.field,
          message: `${spec.unique.describe(record)} is already used by entry ${first + 1} (line ${firstLine})`,
          fix: 'merge the two entries, or give this one its own name',
        });
      } else {
        seen.set(key, index);
      }
    }
  });
  return { problems, entries: data, yaml };
}

/** Checks one product file of the comparison matrix. */
export function checkProductFile(file: string, text: string): DataFileResult {
  const yaml = parseYamlSource(text);
  if (yaml.errors.length) return { problems: yamlProblems(file, yaml), entries: [], yaml };
  const result = productSchema.safeParse(yaml.data);
  const problems = result.success
    ? []
    : issuesToProblems(result.error.issues, yaml, yaml.data, file, { knownFields: Object.keys(productSchema.shape) });
  return { problems, entries: [yaml.data], yaml };
}
