import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schemas/article.ts';

const valid = {
  title: 'Boot Xen',
  description: 'Add Xen to GRUB legacy, boot it and check that Dom0 came up.',
  kind: 'guide',
  topics: ['setup'],
  sources: [{ title: 'Xen 3.4 README', url: 'https://github.com/xen-project/xen/blob/3.4/README' }],
  prerequisites: ['Xen built and installed'],
  estimatedMinutes: 20,
};

/** The messages a contributor would see for some frontmatter. */
function messages(data: unknown): string[] {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('article frontmatter', () => {
  it('accepts a complete guide and fills in defaults', () => {
    const data = articleSchema.parse(valid);
    expect(data.audience).toBe('both');
    expect(data.draft).toBe(false);
    expect(data.related).toEqual([]);
    expect(data.order).toBe(100);
  });

  it('accepts a feature without guide-only fields', () => {
    const { prerequisites: _p, estimatedMinutes: _e, ...rest } = valid;
    expect(messages({ ...rest, kind: 'feature' })).toEqual([]);
  });

  it('names the field and the allowed values for an unknown kind', () => {
    expect(messages({ ...valid, kind: 'tutorial' })).toEqual([expect.stringMatching(/^kind: `kind` must be one of: feature, guide, comparison, reference/)]);
  });

  it('lists the allowed topics for an unknown topic', () => {
    expect(messages({ ...valid, topics: ['gaming'] })[0]).toMatch(/^topics\.0: unknown topic — use one of: release, xci, ras, power/);
  });

  it('rejects a description over 160 characters and says how to fix it', () => {
    expect(messages({ ...valid, description: 'x'.repeat(161) })).toEqual(['description: shorten the `description` to at most 160 characters']);
  });

  it('requires at least one source', () => {
    expect(messages({ ...valid, sources: [] })).toEqual(['sources: every article cites at least one source under `sources`']);
    expect(messages({ ...valid, sources: undefined })[0]).toMatch(/^sources: add `sources`/);
  });

  it('rejects http:// sources', () => {
    expect(messages({ ...valid, sources: [{ title: 'Old page', url: 'http://example.org/' }] })).toEqual([
      'sources.0.url: source URLs must use https:// — change http:// to https://',
    ]);
  });

  it('requires prerequisites and time on guides only', () => {
    expect(messages({ ...valid, prerequisites: undefined, estimatedMinutes: undefined })).toEqual([
      'prerequisites: guides need `prerequisites`: a list of what the reader needs first',
      'estimatedMinutes: guides need `estimatedMinutes`: roughly how long the guide takes',
    ]);
    expect(messages({ ...valid, kind: 'feature' })).toEqual([
      'prerequisites: `prerequisites` is only for guides — remove it or change `kind` to guide',
      'estimatedMinutes: `estimatedMinutes` is only for guides — remove it or change `kind` to guide',
    ]);
  });

  it('rejects unknown fields so typos are caught', () => {
    expect(messages({ ...valid, tittle: 'x' })[0]).toMatch(/tittle/);
  });

  it('reads dates for `updated`', () => {
    expect(articleSchema.parse({ ...valid, updated: '2026-11-23' }).updated).toEqual(new Date('2026-11-23'));
    expect(messages({ ...valid, updated: 'yesterday' })).toEqual(['updated: `updated` must be a date such as 2026-11-23']);
  });
});
