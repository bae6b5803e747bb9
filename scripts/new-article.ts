/**
 * Starts a new article from the template for its kind.
 *
 *   npm run new                                   asks for kind, title and topics
 *   npm run new -- --kind guide --title "Suspend a laptop running Xen 3.4" --topics power,setup
 *                 [--slug suspend-a-laptop] [--description "One sentence …"]
 *
 * Writes content/articles/<section>/<slug>.mdx (KB_CONTENT_DIR moves content/), never over an
 * existing file, and prints the URL to preview it at with `npm run dev`. Without a terminal
 * (in CI) every answer must come as a flag.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { KIND_IDS, type Kind } from '../src/schemas/kinds.ts';
import { TOPIC_IDS } from '../src/schemas/topics.ts';
import { LEDGER_FILE } from '../src/schemas/ledger.ts';
import { splitFrontmatter } from '../src/lib/content-check/frontmatter.ts';
import {
  articlePaths,
  articleTemplate,
  ledgerRow,
  parseTopics,
  slugFromTitle,
  validate,
  validateNewArticle,
  type Existing,
  type NewArticle,
} from '../src/lib/new-article.ts';

const USAGE = `Usage: npm run new -- --kind <${KIND_IDS.join('|')}> --title "<title>" --topics <topic,topic> [--slug <slug>] [--description "<one sentence>"]
Topics: ${TOPIC_IDS.join(', ')}
Without flags, and in a terminal, it asks for each answer.`;

/** Reads what the new article has to fit in with: ids, titles, orders, glossary ids. */
function readExisting(contentDir: string): Existing {
  const articlesDir = path.join(contentDir, 'articles');
  const existing: Existing = { ids: [], titles: [], maxOrder: {}, glossaryIds: [] };
  const files = existsSync(articlesDir) ? (readdirSync(articlesDir, { recursive: true }) as string[]) : [];
  for (const file of files.map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.mdx'))) {
    const id = file.replace(/\.mdx$/, '');
    existing.ids.push(id);
    const block = splitFrontmatter(readFileSync(path.join(articlesDir, file), 'utf8'));
    let data: Record<string, unknown> = {};
    try {
      data = (block && parseYaml(block.yaml)) || {};
    } catch {
      // A broken article elsewhere is for the content check to report, not for this script.
    }
    if (typeof data.title === 'string') existing.titles.push(data.title);
    const section = id.split('/')[0];
    if (typeof data.order === 'number') existing.maxOrder[section] = Math.max(existing.maxOrder[section] ?? 0, data.order);
  }
  try {
    const glossary = parseYaml(readFileSync(path.join(contentDir, 'glossary.yaml'), 'utf8'));
    if (Array.isArray(glossary)) existing.glossaryIds = glossary.map((entry) => String(entry?.id));
  } catch {
    // No glossary: the template simply leaves out its <Term> example.
  }
  return existing;
}

async function main(): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      options: {
        kind: { type: 'string' },
        title: { type: 'string' },
        topics: { type: 'string' },
        slug: { type: 'string' },
        description: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }

  const contentDir = process.env.KB_CONTENT_DIR ?? 'content';
  const existing = readExisting(contentDir);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const missing = (['kind', 'title', 'topics'] as const).filter((flag) => !flags[flag]);

  let answers: NewArticle;
  if (missing.length && !interactive) {
    console.error(`Missing ${missing.map((flag) => `--${flag}`).join(', ')} (no terminal to ask in).\n\n${USAGE}`);
    return 1;
  } else if (missing.length) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    /** Asks until the answer is valid (or the flag already gave a valid one). */
    const ask = async (question: string, given: string | undefined, check: (answer: string) => string | undefined) => {
      let answer = given;
      while (answer === undefined || check(answer)) {
        if (answer !== undefined) console.log(`  ${check(answer)}`);
        answer = (await rl.question(question)).trim();
      }
      return answer;
    };
    console.log('New article — press Ctrl+C to stop. CONTRIBUTING.md explains each field.\n');
    const kind = (await ask(`Kind (${KIND_IDS.join(', ')}): `, flags.kind, validate.kind)) as Kind;
    const title = await ask('Title (under 70 characters): ', flags.title, (t) => validate.title(t, existing));
    const topics = parseTopics(
      await ask(`Topics, separated by commas (${TOPIC_IDS.join(', ')}): `, flags.topics, (t) => validate.topics(parseTopics(t))),
    );
    const slug = flags.slug ?? slugFromTitle(title);
    const slugProblem = validate.slug(slug, existing);
    const finalSlug = slugProblem
      ? await ask(`${slugProblem}.\nFile name (kebab-case, without .mdx): `, undefined, (s) => validate.slug(s, existing))
      : slug;
    const description =
      flags.description ??
      (await ask('Description, one sentence of at most 160 characters (Enter to write it later): ', undefined, (d) =>
        validate.description(d),
      ));
    rl.close();
    answers = { kind, title, topics, slug: finalSlug, description: description || undefined };
  } else {
    answers = {
      kind: flags.kind as Kind,
      title: flags.title!,
      topics: parseTopics(flags.topics!),
      slug: flags.slug ?? slugFromTitle(flags.title!),
      description: flags.description,
    };
  }

  const problems = validateNewArticle(answers, existing);
  if (problems.length) {
    console.error(`Cannot create the article:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n\n${USAGE}`);
    return 1;
  }

  const { file, url } = articlePaths(answers);
  const target = path.join(contentDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    writeFileSync(target, articleTemplate(answers, existing), { flag: 'wx' }); // wx: never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`${target} already exists; nothing was written. Pick another --slug or edit that file.`);
      return 1;
    }
    throw error;
  }

  // The audit ledger needs a row for every article; the new one starts as not yet audited.
  const ledger = path.join(contentDir, LEDGER_FILE);
  if (existsSync(ledger)) {
    const text = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, `${text.endsWith('\n') ? text : `${text}\n`}${ledgerRow(file)}`);
  }

  console.log(`✓ Created ${target}

Next:
  1. Preview it:  npm run dev  and open http://localhost:4321${url}
  2. Write it: replace the guidance in the body with your own text and list what you read
     under sources (CONTRIBUTING.md explains every field and component).
  3. Check it:    npm run check:content -- ${target}
     then run npm test before you open the pull request.
  4. Audit it: fill in its row at the end of ${ledger}: the claims you checked against
     the Xen 3.4 source, what you corrected, and what the source cannot settle.`);
  return 0;
}

process.exitCode = await main();
