/** How a URL written in an article is treated. */
export type UrlKind =
  | { kind: 'unsafe'; scheme: string }
  | { kind: 'http' }
  | { kind: 'external' }
  | { kind: 'mailto' }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'protocol-relative' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'internal'; path: string; fragment: string }
  | { kind: 'relative' };

/** Decodes the character references and strips the characters browsers ignore in a scheme. */
function normaliseScheme(url: string): string {
  return (
    url
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&colon;/gi, ':')
      .replace(/&tab;|&newline;/gi, '')
      // Browsers drop leading control characters and spaces, and tabs and newlines anywhere.
      .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
      .toLowerCase()
  );
}

/** Schemes that run code or smuggle content when followed. */
const UNSAFE_SCHEMES = ['javascript', 'vbscript', 'data'];

/** Classifies a URL from a link, image, definition or attribute. */
export function classifyUrl(url: string): UrlKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normaliseScheme(url))?.[1];
  if (scheme && UNSAFE_SCHEMES.includes(scheme)) return { kind: 'unsafe', scheme };
  const trimmed = url.trim();
  if (scheme === 'http') return { kind: 'http' };
  if (scheme === 'https') return { kind: 'external' };
  if (scheme === 'mailto') return { kind: 'mailto' };
  if (scheme) return { kind: 'other-scheme', scheme };
  if (trimmed.startsWith('//')) return { kind: 'protocol-relative' };
  if (trimmed.startsWith('#')) return { kind: 'fragment', fragment: trimmed.slice(1) };
  if (trimmed.startsWith('/')) {
    const hash = trimmed.indexOf('#');
    const beforeHash = hash < 0 ? trimmed : trimmed.slice(0, hash);
    return { kind: 'internal', path: beforeHash.split('?')[0], fragment: hash < 0 ? '' : trimmed.slice(hash + 1) };
  }
  return { kind: 'relative' };
}
