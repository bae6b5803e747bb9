import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { sitemapPaths, OUT_DIR } from './sitemap.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The pages checked: every page in the sitemap, except that of the pages one template makes
 * from data rows (one audit page per file of the ledger, /reference/source-audit/<file>/),
 * only the largest few are: they hold every kind of row the template renders, and the rest
 * differ only in their text. The HTML check (npm run check:html) still validates all of them.
 */
function a11yPaths(): string[] {
  const all = sitemapPaths();
  const perFile = /^\/reference\/source-audit\/[^/]+\/$/;
  const bytes = (page: string) => statSync(join(OUT_DIR, page, 'index.html')).size;
  const sampled = all.filter((page) => perFile.test(page)).sort((a, b) => bytes(b) - bytes(a)).slice(0, 3);
  return all.filter((page) => !perFile.test(page) || sampled.includes(page));
}

/** Rules whose outcome depends on the colours; the only ones that can differ between themes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// One test per page checks both themes on the same tab. The markup is the same in both themes,
// so the dark pass runs only the colour rules. The fixture also fails the test on any console
// error or warning.
test.describe('every page in the sitemap', () => {
  // axe takes a few seconds on a long reference page, far longer on a busy two-core machine.
  test.describe.configure({ timeout: 180_000 });
  for (const path of a11yPaths()) {
    test(`${path} passes axe (WCAG 2.2 AA and best practices) in light and dark, with a clean console`, async ({ page, axe }) => {
      // Light: the system setting, nothing chosen.
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
      expect(await axe.violations(), `${path} in light`).toEqual([]);

      // Dark: chosen by the reader with the theme picker while the system stays light, the harder
      // case for the CSS. The page changes theme at once; colours that ease in (transitions) are
      // read once they have arrived. The picker's choice surviving a reload is site.spec.ts's.
      await page.getByLabel('Theme').first().selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished)));
      expect(await axe.violations({ rules: COLOUR_RULES }), `${path} in dark`).toEqual([]);
    });
  }
});

interface KeyboardWindow {
  /** How an element and its close ancestors look: outline, shadow, background, border, underline. */
  kbdLook: (el: Element) => string;
  kbdBaseline: WeakMap<Element, string>;
  focusLog: { id: string; visible: boolean; why: string }[];
}

/**
 * Marks the interactive elements a keyboard user should reach (focusable, enabled, rendered)
 * and records how each looks unfocused. Returns their ids.
 */
async function markTabbable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as KeyboardWindow;
    w.kbdLook = (el) => {
      const parts: string[] = [];
      for (let node: Element | null = el, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
        const s = getComputedStyle(node);
        parts.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor, s.textDecorationLine].join(' '));
      }
      return parts.join(' | ');
    };
    w.kbdBaseline = new WeakMap();
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]';
    const found: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return;
      if (!el.checkVisibility({ visibilityProperty: true })) return;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) return;
      const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      el.dataset.kbd = `${i}: ${el.tagName.toLowerCase()} "${label}"`;
      w.kbdBaseline.set(el, w.kbdLook(el));
      found.push(el.dataset.kbd);
    });
    return found;
  });
}

/**
 * Presses Tab through the page and returns, for each element that received focus in turn,
 * whether its focus shows (WCAG 2.4.7 and 2.4.11): it matches :focus-visible, it or a close
 * ancestor looks different from unfocused (or has a focus outline), it is on screen and
 * something else does not cover it entirely.
 */
async function tabThrough(page: Page, presses: number) {
  await page.evaluate(() => {
    const w = window as unknown as KeyboardWindow;
    w.focusLog = [];
    document.addEventListener('focusin', (event) => {
      const el = event.target as HTMLElement;
      const style = getComputedStyle(el);
      const baseline = w.kbdBaseline.get(el);
      const changed = baseline === undefined ? style.outlineStyle !== 'none' || style.boxShadow !== 'none' : w.kbdLook(el) !== baseline;
      const rect = el.getBoundingClientRect();
      const onScreen = rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth && rect.width > 0;
      const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].map(([fx, fy]) => [
        Math.min(Math.max(rect.left + rect.width * fx!, 0), innerWidth - 1),
        Math.min(Math.max(rect.top + rect.height * fy!, 0), innerHeight - 1),
      ]);
      const hits = points.map(([x, y]) => document.elementFromPoint(x!, y!));
      const uncovered = hits.some((hit) => hit && (el.contains(hit) || hit.contains(el)));
      const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      w.focusLog.push({
        id: el.dataset.kbd ?? `(appeared later) ${el.tagName.toLowerCase()} "${label}"`,
        visible: el.matches(':focus-visible') && changed && onScreen && uncovered,
        why: `looks ${changed ? 'different' : 'the same'} focused, on screen ${onScreen}, covered by ${uncovered ? 'nothing' : (hits[0]?.outerHTML.slice(0, 80) ?? '?')}`,
      });
    });
  });
  for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  const log = await page.evaluate(() => (window as unknown as KeyboardWindow).focusLog);
  // Stop where focus comes round to an element it already visited.
  const firstRepeat = log.findIndex((entry, i) => log.findIndex((e) => e.id === entry.id) < i);
  return firstRepeat < 0 ? log : log.slice(0, firstRepeat);
}

test.describe('keyboard', () => {
  // Instant scrolling, so a focused element is on screen when its focus is checked.
  test.use({ reducedMotion: 'reduce' });
  test.describe.configure({ timeout: 90_000 });

  const pages = ['/', '/guides/boot-xen/', '/features/whats-new-in-xen-3-4/', '/reference/glossary/', '/guides/', '/search/?q=xenpm', '/topics/'];
  for (const path of pages) {
    for (const width of [1280, 390]) {
      test(`on ${path} at ${width} px, Tab reaches every control and shows where focus is`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        if (path.startsWith('/search/')) {
          await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible({ timeout: 20_000 });
        }
        const expected = await markTabbable(page);
        expect(expected.length).toBeGreaterThan(5);
        const visited = await tabThrough(page, expected.length + 8);
        const ids = visited.map((v) => v.id);
        expect(expected.filter((id) => !ids.includes(id)), 'controls Tab never reaches').toEqual([]);
        expect(visited.filter((v) => !v.visible).map((v) => `${v.id}: ${v.why}`), 'controls without a visible focus indicator').toEqual([]);
      });
    }
  }

  test('the phone menu and the search dialog work from the keyboard', async ({ page, searchDialog }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/');
    await page.locator('summary', { hasText: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'Sections (menu)' });
    await expect(nav).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link').first()).toBeFocused();

    await searchDialog.search('xenpm');
    await expect(searchDialog.resultLinks.first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(searchDialog.resultLinks.first()).toBeFocused();
    await searchDialog.close();
  });
});
