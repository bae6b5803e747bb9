import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { makeArticleSchema } from './schemas/article.ts';
import { entryId, listFiles, productSchema, type ListFile } from './schemas/data.ts';
import { CONTENT_DIR } from './lib/paths.ts';
import { yamlList } from './lib/yaml-list-loader.ts';
import { withoutBody } from './lib/article-body.ts';

const at = (file: string) => `${CONTENT_DIR}/${file}`;
const lists = listFiles(reference('articles'));

/** The entries of a YAML list file, each with the id its key fields make. */
const list = <S extends z.ZodType>({ file, schema, key }: ListFile<S>) =>
  defineCollection({ loader: yamlList(at(file), (entry, index) => entryId(key, entry, index)), schema });

/**
 * Articles: content/articles/<section>/<slug>.mdx; the id `<section>/<slug>` is the URL. Stored
 * without their body, which getArticles() reads from the file when asked (lib/article-body.ts).
 */
const articles = defineCollection({
  loader: withoutBody(glob({ pattern: '**/*.mdx', base: at('articles') })),
  schema: makeArticleSchema(reference('articles')),
});

/** Glossary terms; each id is an anchor on /reference/glossary/. */
const glossary = list(lists.glossary);

/** Xen boot options for power, RAS, passthrough, console and memory. */
const bootOptions = list(lists.bootOptions);

/** xenpm subcommands as shipped in 3.4. */
const xenpm = list(lists.xenpm);

/** xm subcommands used in the guides. */
const xmCommands = list(lists.xmCommands);

/** Domain configuration keys for PV and HVM guests. */
const domainConfig = list(lists.domainConfig);

/** The settings of xend-config.sxp. */
const xendConfig = list(lists.xendConfig);

/** Groups of words readers use for the same thing; indexed with pages for search. */
const synonyms = defineCollection({
  loader: yamlList(at(lists.synonyms.file), (_entry, index) => String(index), (words) => ({ words })),
  schema: z.object({ words: lists.synonyms.schema }),
});

/** The source audit: one row per article and data file (content/source/audit-ledger.yaml). */
const ledger = list(lists.ledger);

/** Client hypervisor products for the comparison matrix, one file each. */
const products = defineCollection({
  loader: glob({ pattern: '*.yaml', base: at('products') }),
  schema: productSchema,
});

export const collections = { articles, glossary, bootOptions, xenpm, xmCommands, domainConfig, xendConfig, synonyms, products, ledger };
