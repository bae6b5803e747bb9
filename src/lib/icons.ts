/**
 * The site's small inline icons as SVG path data (24×24 view box): no icon font, nothing remote.
 * Icon.astro draws them in pages; the search dialog, built in the browser, draws the search icon.
 */

/** Exported on its own so the browser bundle of the search dialog takes only this path. */
export const SEARCH_ICON_PATH = 'M10.5 3a7.5 7.5 0 0 1 5.9 12.13l4.23 4.24-1.41 1.41-4.24-4.23A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z';

export const ICON_PATHS = {
  search: SEARCH_ICON_PATH,
  menu: 'M3 6h18v2H3V6Zm0 5h18v2H3v-2Zm0 5h18v2H3v-2Z',
  edit: 'M4 17.25V20h2.75L17.8 8.94l-2.75-2.75L4 17.25ZM19.71 7.04a1 1 0 0 0 0-1.41l-1.34-1.34a1 1 0 0 0-1.41 0l-1.06 1.06 2.75 2.75 1.06-1.06Z',
  flag: 'M5 3h2v1h11l-2 4.5 2 4.5H7v8H5V3Zm2 3v5h8.05l-1.12-2.5L15.05 6H7Z',
  rss: 'M5 3a16 16 0 0 1 16 16h-3A13 13 0 0 0 5 6V3Zm0 6a10 10 0 0 1 10 10h-3a7 7 0 0 0-7-7V9Zm1.5 7a2 2 0 1 1 0 4 2 2 0 0 1 0-4Z',
  arrowLeft: 'M11 5 4 12l7 7 1.4-1.4L7.8 13H20v-2H7.8l4.6-4.6L11 5Z',
  arrowRight: 'M13 5l-1.4 1.4 4.6 4.6H4v2h12.2l-4.6 4.6L13 19l7-7-7-7Z',
  markdown: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 2v10h16V7H4Zm1.5 8V9h2l1.5 2 1.5-2h2v6h-2v-3.2L9 13.8l-1.5-2V15h-2Zm11.5 0-3-3.2h2V9h2v2.8h2L17 15Z',
  print: 'M7 3h10v4h2a2 2 0 0 1 2 2v7h-4v5H7v-5H3V9a2 2 0 0 1 2-2h2V3Zm2 2v2h6V5H9Zm0 10v4h6v-4H9Zm-4-6v5h2v-1h10v1h2V9H5Z',
  clock: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 3v4.59l3.2 3.2-1.4 1.42L11 12.4V7h2Z',
} as const;

export type IconName = keyof typeof ICON_PATHS;
