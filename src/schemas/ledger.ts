import { z } from 'astro/zod';
import { errorMap } from './error-map.ts';

/**
 * One row of the source audit ledger (content/source/audit-ledger.yaml): what was checked in one
 * article or data file against the Xen source at the 3.4 branch point, what was corrected, and
 * what the tree cannot settle.
 */
export const ledgerEntrySchema = z
  .strictObject(
    {
      /** The audited file, relative to the content folder: articles/guides/boot-xen.mdx, boot-options.yaml. */
      file: z
        .string()
        .regex(/^[\w./-]+\.(mdx|yaml)$/, '`file` is a path inside the content folder, such as articles/guides/boot-xen.mdx'),
      /** Checkable claims verified against the tree or a named source. */
      checked: z.number({ error: '`checked` is the number of claims checked' }).int().min(0),
      /** How many of them were wrong or imprecise and were changed. */
      corrected: z.number({ error: '`corrected` is the number of claims changed' }).int().min(0),
      /** One line per correction: what was wrong, what it says now, and the evidence (path:line or commit). */
      corrections: z.array(z.string().min(10)).default([]),
      /** Notable claims confirmed as they stood, with their evidence. */
      confirmed: z.array(z.string().min(10)).default([]),
      /** Claims kept that the tree cannot settle, and why. */
      unverifiable: z.array(z.strictObject({ claim: z.string().min(3), why: z.string().min(10) })).default([]),
      /** Anything else a reviewer should know. */
      note: z.string().optional(),
    },
    { error: errorMap },
  )
  .refine((entry) => entry.corrected <= entry.checked, {
    message: '`corrected` cannot be more than `checked`',
    path: ['corrected'],
  });

/** A ledger row. */
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** Where the ledger lives, inside the content folder. */
export const LEDGER_FILE = 'source/audit-ledger.yaml';
