import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { makeArticleSchema } from './schemas/article.ts';
import {
  bootOptionSchema,
  domainConfigSchema,
  glossarySchema,
  productSchema,
  synonymGroupSchema,
  xenpmSchema,
  xmCommandSchema,
} from './schemas/data.ts';
import { LEDGER_FILE, ledgerEntrySchema } from './schemas/ledger.ts';
import { CONTENT_DIR } from './lib/paths.ts';
import { yamlList } from './lib/yaml-list-loader.ts';

const at = (file: string) => `${CONTENT_DIR}/${file}`;

/** Articles: content/articles/<section>/<slug>.mdx; the id `<section>/<slug>` is the URL. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: at('articles') }),
  schema: makeArticleSchema(reference('articles')),
});

/** Glossary terms; each id is an anchor on /reference/glossary/. */
const glossary = defineCollection({
  loader: yamlList(at('glossary.yaml'), (entry) => String(entry.id)),
  schema: glossarySchema,
});

/** Xen boot options for power, RAS, passthrough, console and memory. */
const bootOptions = defineCollection({
  loader: yamlList(at('boot-options.yaml'), (entry) => String(entry.name)),
  schema: bootOptionSchema,
});

/** xenpm subcommands as shipped in 3.4. */
const xenpm = defineCollection({
  loader: yamlList(at('xenpm.yaml'), (entry) => String(entry.command)),
  schema: xenpmSchema,
});

/** xm subcommands used in the guides. */
const xmCommands = defineCollection({
  loader: yamlList(at('xm-commands.yaml'), (entry) => String(entry.command)),
  schema: xmCommandSchema,
});

/** Domain configuration keys for PV and HVM guests. */
const domainConfig = defineCollection({
  loader: yamlList(at('domain-config.yaml'), (entry) => `${entry.key}@${entry.guest}`),
  schema: domainConfigSchema,
});

/** Groups of words readers use for the same thing; indexed with pages for search. */
const synonyms = defineCollection({
  loader: yamlList(at('search-synonyms.yaml'), (_entry, index) => String(index), (words) => ({ words })),
  schema: z.object({ words: synonymGroupSchema }),
});

/** The source audit: one row per article and data file (content/source/audit-ledger.yaml). */
const ledger = defineCollection({
  loader: yamlList(at(LEDGER_FILE), (entry) => String(entry.file)),
  schema: ledgerEntrySchema,
});

/** Client hypervisor products for the comparison matrix, one file each. */
const products = defineCollection({
  loader: glob({ pattern: '*.yaml', base: at('products') }),
  schema: productSchema,
});

export const collections = { articles, glossary, bootOptions, xenpm, xmCommands, domainConfig, synonyms, products, ledger };
