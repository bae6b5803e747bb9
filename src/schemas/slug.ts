import { z } from 'astro/zod';

/** Lower-case letters, digits and single hyphens: article file names and glossary ids, which become URLs. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lower-case letters, digits and hyphens');

/** `Xen’s “virtual battery”: how it works` → `xens-virtual-battery-how-it-works`: text made to pass `slugSchema`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
