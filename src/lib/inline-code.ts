/** A run of plain text or of `code` from a data file's string. */
export type InlinePart = { text: string } | { code: string };

/** Splits text on `backticks` so inline code written in YAML data renders as <code>. */
export function splitInlineCode(text: string): InlinePart[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? { code: part.slice(1, -1) } : { text: part }));
}
