import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const pages = ['features/driver-domains','features/xen-architecture','features/amd-iommu','features/machine-check-handling','features/machine-checks-intel-vs-amd','features/hpet-broadcast','features/amd-svm-in-xen-3-4','features/whats-new-in-xen-3-4','features/xen-3-4-maintenance-releases','comparisons/type-1-vs-type-2','features/stub-domains'];
for (const [width, scheme] of [[1280,'light'],[390,'dark']]) {
  const ctx = await b.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  for (const p of pages) {
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:4321/${p}/`);
    const fig = page.locator('figure.diagram').first();
    await fig.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await fig.screenshot({ path: `/tmp/dg-${p.split('/')[1]}-${scheme}.png` });
    await page.close();
  }
  await ctx.close();
}
await b.close();
