/**
 * Step marks: a build process prints `STEP_MARK {"at": <epoch ms>, "step": "…"}` when a step
 * begins, and the benchmark (scripts/bench/build.ts) times and measures each step between two.
 */
export const STEP_MARK = 'STEP_MARK ';

/** The line that says `step` begins now. */
export function stepMark(step: string): string {
  return `${STEP_MARK}${JSON.stringify({ at: performance.timeOrigin + performance.now(), step })}\n`;
}
