/**
 * The response of a route that writes a text file (the .md versions, llms.txt, llms-full.txt).
 *
 * A static host decides the Content-Type of a file by its extension, and not every one says
 * which character set it is in: `astro preview` and `python3 -m http.server` send a bare
 * `text/markdown`, and a browser then reads the UTF-8 of "Later versions — not in Xen 3.4" as
 * Windows-1252 ("â€”"). A byte-order mark at the start tells every browser it is UTF-8; GitHub
 * Pages sends `charset=utf-8` as well. Markdown parsers and `fetch().text()` skip the mark.
 */
export function textFile(body: string, type: 'text/markdown' | 'text/plain'): Response {
  return new Response(`\uFEFF${body}`, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
