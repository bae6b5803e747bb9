import { describe, expect, it } from 'vitest';
import { movedPageTarget } from '../../src/lib/moved-pages.ts';

describe('movedPageTarget', () => {
  it('sends a later page of a list that no longer exists to the list itself', () => {
    expect(movedPageTarget('/guides/page/3/')).toBe('/guides/');
    expect(movedPageTarget('/topics/power/page/2/')).toBe('/topics/power/');
    expect(movedPageTarget('/features/page/9', '#top')).toBe('/features/');
  });

  it('sends a glossary page whose letters moved to the first page, keeping the term', () => {
    expect(movedPageTarget('/reference/glossary/t-z/', '#xm')).toBe('/reference/glossary/#xm');
    expect(movedPageTarget('/reference/glossary/i-s/', '#2.6.18-xen')).toBe('/reference/glossary/#2.6.18-xen');
    expect(movedPageTarget('/reference/glossary/t-z/')).toBe('/reference/glossary/');
  });

  it('drops a fragment that is not a plain anchor', () => {
    expect(movedPageTarget('/reference/glossary/t-z/', '#x"><img')).toBe('/reference/glossary/');
  });

  it('leaves every other missing address to the 404 page', () => {
    expect(movedPageTarget('/no-such-page/')).toBeUndefined();
    expect(movedPageTarget('/guides/no-such-guide/')).toBeUndefined();
    expect(movedPageTarget('/reference/glossary/a/b/')).toBeUndefined();
    expect(movedPageTarget('/page/2/')).toBeUndefined();
  });
});
