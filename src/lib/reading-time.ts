/** Average adult reading speed for technical prose, in words per minute. */
const WORDS_PER_MINUTE = 200;

/** Words a reader reads in an MDX body: code fences count less, markup not at all. */
export function countWords(body: string): number {
  let words = 0;
  const parts = body.split(/^(```|~~~)[^\n]*$/m);
  let inCode = false;
  for (const part of parts) {
    if (part === '```' || part === '~~~') {
      inCode = !inCode;
      continue;
    }
    const text = inCode
      ? part
      : part
          .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
          .replace(/\]\([^)]*\)/g, ']')
          .replace(/[#>*_`|\-[\]]/g, ' ');
    const count = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    words += inCode ? Math.ceil(count / 3) : count;
  }
  return words;
}

/** Whole minutes to read a body, at least one. */
export function readingMinutes(body: string): number {
  return Math.max(1, Math.round(countWords(body) / WORDS_PER_MINUTE));
}
