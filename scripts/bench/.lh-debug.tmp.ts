import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from './serve.ts';
const server = await serveStatic(process.argv[2]!);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const p of process.argv.slice(3)) {
  const run = await lighthouse(server.origin + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = run!.lhr.audits;
  console.log(p, 'score', run!.lhr.categories.performance!.score, 'FCP', a['first-contentful-paint']!.displayValue, 'LCP', a['largest-contentful-paint']!.displayValue, 'TBT', a['total-blocking-time']!.displayValue, 'SI', a['speed-index']!.displayValue, 'CLS', a['cumulative-layout-shift']!.displayValue);
  const items = (id: string) => ((a[id]?.details as any)?.items ?? []);
  console.log(' long tasks', JSON.stringify(items('long-tasks').slice(0, 6).map((i: any) => [i.url?.slice(-50), Math.round(i.duration), Math.round(i.startTime)])));
  console.log(' mainthread', JSON.stringify(items('mainthread-work-breakdown').map((i: any) => [i.group, Math.round(i.duration)])));
  console.log(' bootup', JSON.stringify(items('bootup-time').map((i: any) => [i.url?.slice(-50), Math.round(i.total), Math.round(i.scripting)])));
  console.log(' layout shifts', JSON.stringify(items('layout-shifts').map((i: any) => [i.node?.snippet?.slice(0, 100), i.score])));
  console.log(' lcp element', JSON.stringify(items('largest-contentful-paint-element').map((i: any) => i.items?.map((x: any) => x.node?.snippet?.slice(0, 100) ?? x.phase + ':' + Math.round(x.timing)))));
  console.log(' render-blocking', JSON.stringify(items('render-blocking-resources').map((i: any) => [i.url?.slice(-40), i.wastedMs])));
  console.log(' network', JSON.stringify(items('network-requests').map((i: any) => [i.url.replace(server.origin, '').slice(0, 50), i.transferSize, Math.round(i.networkRequestTime), Math.round(i.networkEndTime)])));
}
chrome.kill();
await server.close();
