import { z } from 'astro/zod';
import { errorMap } from './error-map.ts';
import { KIND_IDS } from './kinds.ts';
import { TOPIC_IDS } from './topics.ts';
import { sourceSchema } from './source.ts';

/** Longest description search engines show in full. */
export const DESCRIPTION_MAX = 160;

const list = (values: readonly string[]) => values.join(', ');
const GUIDE_FIELDS = ['prerequisites', 'estimatedMinutes'] as const;

/**
 * Frontmatter of every article under content/articles/. Field messages are written for
 * authors: they say what is wrong and how to fix it. `related` is a list of article ids; the
 * content config passes Astro's reference() so the ids are resolved to entries.
 */
export function makeArticleSchema<R extends z.ZodType>(relatedItem: R) {
  return z
    .strictObject(
      {
        /** Page title; unique across the site. */
        title: z
          .string({ error: 'add a `title`: the page heading, unique across the site' })
          .min(3, 'write a `title` of at least 3 characters')
          .max(90, 'keep the `title` under 90 characters'),
        /** One-sentence summary for lists, search results and search engines. */
        description: z
          .string({ error: 'add a `description`: one sentence, at most 160 characters' })
          .min(20, 'the `description` should be a full sentence (at least 20 characters)')
          .max(DESCRIPTION_MAX, `shorten the \`description\` to at most ${DESCRIPTION_MAX} characters`),
        /** What sort of article this is; must match its folder. */
        kind: z.enum(KIND_IDS, { error: `\`kind\` must be one of: ${list(KIND_IDS)}` }),
        /** One to three topics from the closed list. */
        topics: z
          .array(z.enum(TOPIC_IDS, { error: `unknown topic — use one of: ${list(TOPIC_IDS)}` }), {
            error: 'add `topics`: a list such as [power]',
          })
          .min(1, 'add at least one topic')
          .max(4, 'use at most four topics'),
        /** Who the article is mostly for. */
        audience: z.enum(['client', 'server', 'both'], { error: '`audience` must be client, server or both' }).default('both'),
        /** Where every fact in the article comes from (at least one). */
        sources: z
          .array(sourceSchema, { error: 'add `sources`: a list of { title, url } for the facts in this article' })
          .min(1, 'every article cites at least one source under `sources`'),
        /** Date of the last meaningful change; defaults to the file's last git commit. */
        updated: z.coerce.date({ error: '`updated` must be a date such as 2026-11-23' }).optional(),
        /** Drafts are built in dev only, never published. */
        draft: z.boolean().default(false),
        /** Position within its section (lower first). */
        order: z.number({ error: '`order` must be a number' }).int().min(0).default(100),
        /** Ids of related articles, such as guides/boot-xen. */
        related: z.array(relatedItem).default([]),
        /** Guides only: what the reader needs before starting. */
        prerequisites: z.array(z.string().min(3, 'write each prerequisite as a short phrase')).optional(),
        /** Guides only: how long the guide takes, in minutes. */
        estimatedMinutes: z.number({ error: '`estimatedMinutes` must be a number of minutes' }).int().positive().optional(),
      },
      { error: errorMap },
    )
    .superRefine(
      (data, ctx) => {
        const problem = (field: 'prerequisites' | 'estimatedMinutes', message: string) =>
          ctx.addIssue({ code: 'custom', path: [field], input: data[field], message });
        if (data.kind === 'guide') {
          if (!data.prerequisites?.length)
            problem('prerequisites', 'guides need `prerequisites`: a list of what the reader needs first');
          if (data.estimatedMinutes === undefined)
            problem('estimatedMinutes', 'guides need `estimatedMinutes`: roughly how long the guide takes');
        } else {
          for (const field of GUIDE_FIELDS) {
            if (data[field] !== undefined)
              problem(field, `\`${field}\` is only for guides — remove it or change \`kind\` to guide`);
          }
        }
      },
      // Zod skips refinements once any field is invalid; this rule reads only `kind` and the guide
      // fields, so it runs whenever those are valid and authors see every problem at once.
      {
        when: ({ value, issues }) =>
          typeof value === 'object' &&
          value !== null &&
          !issues.some((issue) => ['kind', ...GUIDE_FIELDS].includes(String(issue.path?.[0]))),
      },
    );
}

/** Article frontmatter with `related` as plain ids (for tools that run outside Astro). */
export const articleSchema = makeArticleSchema(z.string());

/** Validated article frontmatter. */
export type ArticleData = z.infer<typeof articleSchema>;
