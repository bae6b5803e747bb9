/** Site-wide settings, kept in one place. */
export const SITE = {
  /** Name shown in the header, titles and feeds. */
  title: 'Xen 3.4 Knowledge Base',
  /** Short name for the web app manifest. */
  shortTitle: 'Xen 3.4 KB',
  /** Default description for pages without their own. */
  description:
    'Everything about the Xen 3.4 hypervisor release of May 2009: its features, how to set it up as a client hypervisor, and how type-1 and type-2 client hypervisors compare.',
  /** Public origin the site is deployed at (canonical URLs, sitemap, feed). */
  url: 'https://xen34-kb.github.io',
  /** Repository that holds the site's source; edit and issue links point here. */
  repository: 'https://github.com/xen34-kb/xen34-kb.github.io',
  /** Branch that edit links open. */
  branch: 'main',
  /** Language of the content. */
  lang: 'en',
} as const;

/** Link that opens an article's source file for editing on the repository host. */
export function editUrl(filePath: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${filePath.replace(/^\.?\//, '')}`;
}

/** Link that opens a new "correction" issue about a page, pre-filled with its title and URL. */
export function reportUrl(title: string, pageUrl: string): string {
  const params = new URLSearchParams({
    template: 'correction.yml',
    title: `Correction: ${title}`,
    page: pageUrl,
  });
  return `${SITE.repository}/issues/new?${params}`;
}
