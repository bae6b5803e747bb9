const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as readers see it, e.g. "18 May 2009". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A date as machines read it, e.g. "2009-05-18". */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The first sentence of a text, e.g. a glossary definition shortened for a tooltip. A sentence
 * ends at ".", "!" or "?" followed by a space and a capital letter, so "xm.py" or "3.4" do not
 * end one.
 */
export function firstSentence(text: string): string {
  return /^[\s\S]+?[.!?](?=\s+[A-Z])/.exec(text)?.[0] ?? text;
}
