/**
 * A small seeded random generator (mulberry32): every run draws the same numbers. The bench's
 * synthetic corpus is built with it, and the unit tests that compare a function with a simple
 * reference on many made-up inputs use it, so a failure can be rerun.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return {
    next,
    /** A whole number from min to max, both included. */
    int,
    pick,
    /** Between min and max items drawn with `make`. */
    some: <T>(min: number, max: number, make: () => T): T[] => Array.from({ length: int(min, max) }, make),
  };
}
