import type { TextRun } from './page-content.js'

/*
 * Bold by overprint: writers without a bold face (and some report generators with one) draw
 * a text twice, the second time a fraction of a point to the side, so that the strokes
 * thicken. pdf.js gives both copies as runs; read as they are, every letter of such a text
 * would come twice ("CodiceCodice").
 */

/** How far a copy may stand from the first drawing: a fraction of the font size, at most a point. */
const reach = (size: number) => Math.min(1, size * 0.1)

/**
 * The runs without the copies of a text drawn again over itself: same text, same size and
 * direction, starting within a point of the first (both ways) and as wide. The first copy is
 * kept. One pass over the runs, looked up by text.
 */
export function withoutOverprint(runs: TextRun[]): TextRun[] {
  const seen = new Map<string, TextRun[]>()
  const kept: TextRun[] = []
  for (const run of runs) {
    const key = run.text.trim()
    if (key === '') {
      kept.push(run)
      continue
    }
    const earlier = seen.get(key)
    const near = reach(run.size)
    const copy = earlier?.some(
      (first) =>
        Math.abs(first.size - run.size) < 0.01 &&
        first.dir[0] === run.dir[0] &&
        first.dir[1] === run.dir[1] &&
        Math.abs(first.x - run.x) <= near &&
        Math.abs(first.y - run.y) <= near &&
        Math.abs(first.width - run.width) <= near,
    )
    if (copy) continue
    if (earlier) earlier.push(run)
    else seen.set(key, [run])
    kept.push(run)
  }
  return kept
}
