import { test as base, expect } from '@playwright/test';

/** What Chromium logs when Playwright blocks the service worker: the harness, not the site. */
const HARNESS_CONSOLE = [/Service Worker registration blocked by Playwright/];

/**
 * Every test fails if the page logs an error or warning to the console or throws, so a
 * regression anywhere on a visited page is caught.
 *
 * playwright.config.ts blocks the offline service worker unless a spec asks for it with
 * `test.use({ serviceWorkers: 'allow' })` (offline.spec.ts, csp.spec.ts): otherwise every test's
 * fresh browser context would download the whole site in the background.
 */
export const test = base.extend<{ consoleProblems: string[]; expectedConsole: RegExp[] }>({
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
});

export { expect };
