import { z } from 'astro/zod';
import { errorMap } from './error-map.ts';

/** A cited source: what it is and where a reader can find it (https only). */
export const sourceSchema = z.strictObject(
  {
    /** What the source is, as a reader would cite it. */
    title: z
      .string({ error: 'every source needs a `title` (what the source is)' })
      .min(3, 'a source `title` must say what the source is'),
    /** Where the source lives; must be an https:// URL. */
    url: z
      .url({ error: 'a source `url` must be a full URL such as https://github.com/xen-project/xen' })
      .refine((url) => url.startsWith('https://'), 'source URLs must use https:// — change http:// to https://'),
  },
  { error: errorMap },
);

/** A cited source. */
export type Source = z.infer<typeof sourceSchema>;
