import { test as base, expect } from '@playwright/test';

/**
 * Every test fails if the page logs an error or warning to the console or throws, so a
 * regression anywhere on a visited page is caught.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use(problems);
      expect(problems, 'the browser console stays free of errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
