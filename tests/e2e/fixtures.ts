import axe from 'axe-core';
import { test as base, expect, type Page } from '@playwright/test';
import { SearchDialog } from './search-dialog.ts';

/** What Chromium logs when Playwright blocks the service worker: the harness, not the site. */
const HARNESS_CONSOLE = [/Service Worker registration blocked by Playwright/];

/**
 * axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no rule tagged
 * `wcag22a`: the A criteria new in 2.2 need a person to judge), plus its best practices: what the
 * README's quality gates promise.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Accessibility checks on the page as it is now. */
export interface Axe {
  /**
   * Runs axe (every rule in AXE_TAGS, or only the given rules) and returns one readable line
   * per violating element: an empty list means the page passes.
   */
  violations(options?: { rules?: string[] }): Promise<string[]>;
}

/**
 * Every test fails if the page logs an error or warning to the console or throws, so a
 * regression anywhere on a visited page is caught. Specs that check accessibility use the `axe`
 * fixture, and specs that search use the `searchDialog` page object, so all of them check the
 * same rules and drive the dialog the same way.
 *
 * playwright.config.ts blocks the offline service worker unless a spec asks for it with
 * `test.use({ serviceWorkers: 'allow' })` (offline.spec.ts, csp.spec.ts): otherwise every test's
 * fresh browser context would download the whole site in the background.
 */
export const test = base.extend<{ consoleProblems: string[]; expectedConsole: RegExp[]; axe: Axe; searchDialog: SearchDialog }>({
  /** Console messages a test expects (e.g. the 404 response of a missing page). */
  expectedConsole: [[], { option: true }],
  consoleProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        const text = `${message.type()}: ${message.text()}`;
        const expected = [...HARNESS_CONSOLE, ...expectedConsole];
        if ((message.type() === 'error' || message.type() === 'warning') && !expected.some((re) => re.test(text))) {
          problems.push(text);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use(problems);
      expect(problems, 'the browser console stays free of errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
  axe: async ({ page }, use) => {
    await use({
      async violations({ rules } = {}) {
        // axe-core runs in the page itself: the site has no frames, and @axe-core/playwright's
        // per-frame run, finished in a second blank page, tripled the time of every check. It
        // is injected once per document; only violations are read, so axe builds selectors for
        // one node of each other result type instead of for every node of the page.
        if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
        const runOnly = rules ? { type: 'rule' as const, values: rules } : { type: 'tag' as const, values: AXE_TAGS };
        const violations = await page.evaluate(
          (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options).then((result) => result.violations),
          { runOnly, resultTypes: ['violations'] as axe.resultGroups[] },
        );
        return violations.flatMap((v) =>
          v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, ' ')}`),
        );
      },
    });
  },
  searchDialog: async ({ page }, use) => {
    await use(new SearchDialog(page));
  },
});

/**
 * Waits until a page has done everything it does on its own after loading: the header's search
 * control has become a button (the dialog's script ran) and the offline status has a state (its
 * code loads after the load event). A test that checks what a page did not load waits for this,
 * not for the network to go quiet.
 */
export async function expectPageSettled(page: Page): Promise<void> {
  await expect(new SearchDialog(page).trigger).toHaveAttribute('aria-haspopup', 'dialog');
  await expect(page.locator('offline-status')).toHaveAttribute('data-state', /^(unsupported|saving|ready|update)$/);
}

export { expect };
