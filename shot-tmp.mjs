import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, scheme, hash, name] of [[1280,'light','#how-xend-starts-it','a'],[390,'dark','#what-the-stub-domain-may-do','b']]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  await p.goto('http://127.0.0.1:4321/features/stub-domain-startup/' + hash);
  await p.waitForTimeout(2800);
  await p.screenshot({ path: `/tmp/sds-${name}.png` });
  await p.close();
}
await b.close();
