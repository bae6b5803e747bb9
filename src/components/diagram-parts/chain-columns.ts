/**
 * Column layouts for ChainRows diagrams in the 640-unit-wide viewBox they share. A diagram whose
 * boxes fit a standard layout uses it; one with boxes of its own widths keeps its own columns.
 */

/** Four boxes of equal width (about 20 characters of 12-unit text, two lines each). */
export const FOUR_EQUAL_COLUMNS = [
  { x: 20, width: 132 },
  { x: 175, width: 132 },
  { x: 330, width: 132 },
  { x: 485, width: 135 },
] as const;
