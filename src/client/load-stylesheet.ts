/**
 * Adds a stylesheet once and resolves when it has loaded (or failed: unstyled results beat
 * none). The search styles load with the search code instead of weighing on every page; a
 * <link> from this origin is allowed by the Content-Security-Policy (no inline styles).
 */
export function loadStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel=stylesheet][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}
