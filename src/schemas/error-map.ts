import type { z } from 'astro/zod';

/** Zod's type names as an author reads them. */
export const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  date: 'a date',
};

/** `10 characters`, `2 entries` or `10`: a limit in the unit of what it limits. */
const limit = (value: unknown, origin: string) =>
  `${String(value)}${origin === 'string' ? ' characters' : origin === 'array' ? ' entries' : ''}`;

/**
 * How to fix what a schema's own messages leave to Zod, said the way those messages say it
 * (Starlight's utils/error-map.ts does the same for its configuration). The object schemas of
 * the content model pass it as their `error`, so Astro's build error names the fields an unknown
 * key could have been; the content check passes it to every parse.
 */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shape = (issue.inst?._zod.def as { shape?: object } | undefined)?.shape;
      const fields = shape ? ` — the fields are: ${Object.keys(shape).join(', ')}` : '';
      return `remove ${issue.keys.map((key) => `\`${key}\``).join(', ')} or correct the spelling${fields}`;
    }
    case 'too_big':
      return `shorten it to at most ${limit(issue.maximum, issue.origin)}`;
    case 'too_small':
      return `make it at least ${limit(issue.minimum, issue.origin)}`;
    case 'invalid_type':
      return `write ${TYPE_NAMES[issue.expected] ?? issue.expected} here`;
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
};
