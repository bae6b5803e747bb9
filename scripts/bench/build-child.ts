/**
 * Runs one production build in this process and prints its peak memory as the last line
 * (JSON), so the benchmark measures the build alone. Started by build.ts:
 * node build-child.ts <project root>
 */
import { build } from 'astro';

const root = process.argv[2]!;
const started = performance.now();
await build({ root, logLevel: process.env.BENCH_VERBOSE ? 'info' : 'warn' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes: the peak resident memory of the build (Astro, Vite, the integrations).
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
