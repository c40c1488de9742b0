/**
 * Geometry of a PDF page in "reading space": PDF points, x to the right, y downwards,
 * rotated so that the page's text runs left to right whatever the page's /Rotate or
 * content matrix.
 */
export type Matrix = [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** m1 × m2 in PDF's row-vector convention: apply m1 first, then m2. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ]
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** From PDF user space to reading space: undo the text's rotation (multiples of 90°), then flip y. */
export function readingMatrix(textAngle: number): Matrix {
  const cos = Math.round(Math.cos(textAngle))
  const sin = Math.round(Math.sin(textAngle))
  // Rotate by -angle, then y -> -y.
  return [cos, sin, sin, -cos, 0, 0]
}

/** Groups sorted numbers whose neighbours are within `tolerance`; gives each group's mean. */
export function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const groups: number[][] = []
  for (const value of sorted) {
    const last = groups.at(-1)
    if (last && value - (last.at(-1) as number) <= tolerance) last.push(value)
    else groups.push([value])
  }
  return groups.map((group) => group.reduce((sum, v) => sum + v, 0) / group.length)
}

/**
 * The columns [col, colEnd) between `edges` that text from `left` to `right` stands in (half a
 * point in from each end); text past the outer edges counts in the first or last column.
 */
export function columnsSpanned(edges: number[], left: number, right: number): { col: number; colEnd: number } {
  const last = edges.length - 2
  const column = (x: number) => (x < (edges[0] as number) ? 0 : x >= (edges.at(-1) as number) ? last : intervalOf(edges, x))
  const col = column(left + 0.5)
  return { col, colEnd: Math.max(col + 1, column(right - 0.5) + 1) }
}

/** Index of the interval [edges[i], edges[i+1]) holding `value`, or -1. */
export function intervalOf(edges: number[], value: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (value >= (edges[i] as number) && value < (edges[i + 1] as number)) return i
  return -1
}
