import { test as base, expect } from '@playwright/test';

/**
 * Every test fails if the page logs an error or warning to the console or throws, so a
 * regression anywhere on a visited page is caught.
 */
export const test = base.extend<{ consoleProblems: string[]; expectedConsole: RegExp[] }>({
  /** Console messages a test expects (e.g. the 404 response of a missing page). */
  expectedConsole: [[], { option: true }],
  consoleProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        const text = `${message.type()}: ${message.text()}`;
        if ((message.type() === 'error' || message.type() === 'warning') && !expectedConsole.some((re) => re.test(text))) {
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
