import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const shots = [
  ['/features/driver-domain-iommu/', null, 390, 'dark'],
  ['/features/driver-domain-iommu/', '#what-iommu1pv-protects-and-what-it-does-not', 1280, 'light'],
  ['/reference/boot-options/from-source/', '#opt-debugtrace', 390, 'dark'],
  ['/reference/boot-options/from-source/', '#opt-vesa-ram', 1280, 'light'],
  ['/features/driver-domains/', '#the-iommu', 1280, 'dark'],
  ['/guides/check-your-hardware/', '#what-xen-34-needs-from-the-hardware', 390, 'light'],
];
let i = 0;
for (const [path, hash, width, scheme] of shots) {
  const p = await b.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  await p.goto('http://127.0.0.1:4321' + path + (hash ?? ''));
  await p.waitForTimeout(2800);
  await p.screenshot({ path: `/tmp/shot-${++i}.png` });
  await p.close();
}
await b.close();
