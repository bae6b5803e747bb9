/**
 * A problem the content checks found, in the words a contributor needs: where it is, which
 * field or rule, what is wrong and how to fix it.
 */
export interface Problem {
  /** File path as the contributor sees it (relative to the working directory). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The frontmatter field (`description`, `sources[0].url`) or the rule (`mdx/import`). */
  rule: string;
  /** What is wrong, as a sentence fragment without a final full stop. */
  message: string;
  /** How to fix it, as a sentence fragment without a final full stop. */
  fix: string;
}

/** A position in a file. */
export type Where = Pick<Problem, 'line' | 'column'>;

/** Ends a sentence with a full stop unless it already ends with one, or with ? or !. */
const sentence = (text: string) => text.trim().replace(/(?<![.?!])$/, '.');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `file:line:column  rule — what is wrong. Fix: how.` */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.rule} — ${sentence(problem.message)} Fix: ${sentence(problem.fix)}`;
}

/** A GitHub Actions workflow command that shows the problem on the pull request's diff. */
export function githubAnnotation(problem: Problem): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column},title=${escapeProperty(problem.rule)}::${escapeData(`${capital(sentence(problem.message))} Fix: ${sentence(problem.fix)}`)}`;
}

/** Problems in file order, then line and column order; exact repeats removed. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const unique = new Map(problems.map((problem) => [formatProblem(problem), problem]));
  return [...unique.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** The closest of `candidates` to `value`, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const target = value.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(value.length / 4)) ? best : undefined;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** " Did you mean X?" or "". */
export function didYouMean(value: string, candidates: Iterable<string>, show: (match: string) => string = (m) => m): string {
  const match = closest(value, candidates);
  return match ? ` (did you mean ${show(match)}?)` : '';
}
