// What counts as a swing worth a reviewer's look: a figure that moved by at least half of last
// year's value AND by at least 10 (so that 1 → 3 applications, a 200 % rise of little weight, is not
// one), or that appeared from 0 or dropped to 0 with at least 10 on the other side. Information only:
// a swing is not an error, it is where a reviewer asks "why?".
export const SWING = { ratio: 0.5, minChange: 10 } as const;

export function isSwing(last: number | undefined, current: number | undefined): boolean {
  if (last === undefined || current === undefined) return false;
  const change = Math.abs(current - last);
  if (change < SWING.minChange) return false;
  return last === 0 || change / Math.abs(last) >= SWING.ratio;
}
