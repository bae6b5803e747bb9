import { expect, type Locator, type Page } from '@playwright/test';

/** The first query of a page loads Pagefind and its index: allow for a slow, busy machine. */
export const SEARCH_TIMEOUT = 20_000;

/**
 * The search dialog as a reader meets it (src/components/search/SearchDialog.astro): open it
 * with the keyboard or the header button, type, read the results, choose one, close it. Every
 * spec that drives the dialog goes through this page object (the `searchDialog` fixture in
 * fixtures.ts), so a change to the dialog is followed in one place.
 */
export class SearchDialog {
  readonly dialog: Locator;
  /** The header control that opens the dialog (a link to /search/ until its script runs). */
  readonly trigger: Locator;
  readonly searchbox: Locator;
  /** The live region that says how many articles match. */
  readonly status: Locator;
  /** The list of results. */
  readonly results: Locator;
  /** The title link of each result, in order (not the links to matching sections under it). */
  readonly resultLinks: Locator;
  readonly closeButton: Locator;
  /** "Showing results for …. Search for … instead." when a misspelling was corrected. */
  readonly correction: Locator;
  /** Direct answers: the rows that define the exact name typed, listed first. */
  readonly answers: Locator;
  /** With nothing typed: the reader's recent searches and recently read pages. */
  readonly recentSearches: Locator;
  readonly recentPages: Locator;
  readonly clearHistory: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search the knowledge base' });
    this.trigger = page.getByRole('banner').getByRole('button', { name: /^Search/ });
    this.searchbox = this.dialog.getByRole('searchbox', { name: 'Search articles' });
    this.status = this.dialog.getByRole('status');
    this.results = this.dialog.getByRole('list', { name: 'Search results' });
    // A result's first line is its title; the sections below it are a list of their own.
    this.resultLinks = this.results.locator(':scope > li > :first-child').getByRole('link');
    this.closeButton = this.dialog.getByRole('button', { name: 'Close search' });
    this.correction = this.dialog.getByText(/^Showing results for /);
    this.answers = this.results.locator(':scope > li.search-answer');
    this.recentSearches = this.dialog.getByRole('list', { name: 'Recent searches' });
    this.recentPages = this.dialog.getByRole('list', { name: 'Recently read' });
    this.clearHistory = this.dialog.getByRole('button', { name: 'Clear history' });
  }

  /** Opens the dialog if needed and puts the words in the box, without waiting for a status. */
  async type(query: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open();
    await this.searchbox.fill(query);
  }

  /**
   * Opens the dialog with Ctrl/Cmd+K, with "/" or with the header button, and waits until the
   * cursor is in the search box.
   */
  async open(via: 'shortcut' | 'slash' | 'button' = 'shortcut'): Promise<void> {
    if (via === 'button') await this.trigger.click();
    else await this.page.keyboard.press(via === 'slash' ? '/' : 'ControlOrMeta+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.searchbox).toBeFocused();
  }

  /**
   * Opens the dialog if it is closed, enters the query (typed key by key, or pasted at once)
   * and waits until the status names it: the results for exactly this query, or the news that
   * there are none, are on screen.
   */
  async search(query: string, { via = 'shortcut', paste = false }: { via?: 'shortcut' | 'slash' | 'button'; paste?: boolean } = {}): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.open(via);
    if (paste) await this.searchbox.fill(query);
    else {
      await this.searchbox.clear();
      await this.searchbox.pressSequentially(query);
    }
    await expect(this.status).toContainText(`“${query}”`, { timeout: SEARCH_TIMEOUT });
  }

  /** The titles of the results on screen, in order. */
  async titles(): Promise<string[]> {
    return (await this.resultLinks.allInnerTexts()).map((title) => title.trim());
  }

  /** The addresses the results on screen lead to, in order. */
  async hrefs(): Promise<string[]> {
    return this.resultLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /**
   * Follows the result whose title matches (the first result when none is given), waits for
   * its page and returns the address the result pointed at.
   */
  async choose(title?: string | RegExp): Promise<string> {
    const link = (title === undefined ? this.resultLinks : this.resultLinks.filter({ hasText: title })).first();
    const href = await link.getAttribute('href');
    expect(href, 'the result is a link').toBeTruthy();
    const target = new URL(href!, this.page.url()).href;
    await link.click();
    await expect(this.page).toHaveURL(target);
    await expect(this.dialog).toBeHidden();
    return href!;
  }

  /** Closes the dialog with Esc or its Close button and waits until it is gone. */
  async close(via: 'escape' | 'button' = 'escape'): Promise<void> {
    if (via === 'button') await this.closeButton.click();
    else await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}
