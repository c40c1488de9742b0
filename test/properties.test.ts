import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/readers/index.js'
import { tablesOf } from '../src/model/document.js'
import { isPerfplanError } from '../src/errors.js'
import { importBytes } from '../src/pipeline.js'
import { fixture } from './helpers/fixtures.js'
import { removeTempDirs, tempDir } from './helpers/cli.js'
import { afterAll } from 'vitest'

afterAll(removeTempDirs)

/** Debian's Python with python3-docx, as .ci/run installs it (PYDOCX names another). */
const PYDOCX = process.env.PYDOCX ?? '/usr/bin/python3'

/** A grid of `rows` × `cols` cut into rectangles (each cell a 1×1 unless a span was drawn over it). */
const grids = fc
  .record({
    rows: fc.integer({ min: 1, max: 6 }),
    cols: fc.integer({ min: 1, max: 5 }),
    spans: fc.array(fc.record({ row: fc.nat(5), col: fc.nat(4), rowSpan: fc.integer({ min: 1, max: 3 }), colSpan: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
    words: fc.array(fc.constantFrom('Obiettivo', 'Peso', 'Area Tecnica', '25%', '4,5', 'Responsabile', 'è', 'N.', '#DIV/0!'), { minLength: 30, maxLength: 30 }),
  })
  .map(({ rows, cols, spans, words }) => {
    const owner: (number | null)[][] = Array.from({ length: rows }, () => new Array<number | null>(cols).fill(null))
    const cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[] = []
    // Spans first, where they fit whole over free cells; then every cell left is its own.
    for (const span of spans) {
      if (span.row >= rows || span.col >= cols) continue
      const rowSpan = Math.min(span.rowSpan, rows - span.row)
      const colSpan = Math.min(span.colSpan, cols - span.col)
      let free = true
      for (let r = span.row; r < span.row + rowSpan; r++) for (let c = span.col; c < span.col + colSpan; c++) if (owner[r]?.[c] !== null) free = false
      if (!free) continue
      for (let r = span.row; r < span.row + rowSpan; r++) for (let c = span.col; c < span.col + colSpan; c++) (owner[r] as (number | null)[])[c] = cells.length
      cells.push({ row: span.row, col: span.col, rowSpan, colSpan, text: '' })
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (owner[r]?.[c] !== null) continue
        ;(owner[r] as (number | null)[])[c] = cells.length
        cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: '' })
      }
    }
    cells.sort((a, b) => a.row - b.row || a.col - b.col)
    cells.forEach((cell, i) => (cell.text = `${words[i % words.length]} ${i + 1}`))
    return { rows, cols, cells }
  })

function toHtml(grid: { rows: number; cells: { row: number; rowSpan: number; colSpan: number; text: string }[] }): string {
  const trs = Array.from({ length: grid.rows }, (_, r) =>
    grid.cells
      .filter((cell) => cell.row === r)
      .map((cell) => `<td${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}>${cell.text}</td>`)
      .join(''),
  )
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table>${trs.map((tr) => `<tr>${tr}</tr>`).join('\n')}</table></body></html>`
}

describe('property: a grid with random spans', () => {
  it('rendered to HTML reads back to the same cells, spans and texts', async () => {
    await fc.assert(
      fc.asyncProperty(grids, async (grid) => {
        const document = await readDocument(new TextEncoder().encode(toHtml(grid)))
        const [table] = tablesOf(document)
        const read = (table?.rows ?? []).flat().map((cell) => ({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text }))
        // A row made only of cells spanning down from above has no <td> of its own: the
        // reader keeps the spans, so the grid is the same whatever rows are written.
        expect(read).toEqual(grid.cells.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text })))
      }),
      { numRuns: 150 },
    )
  })
})

describe('property: a grid with random spans written by Word\'s library', () => {
  it('as .docx (python-docx merges: gridSpan across, vMerge down) reads back to the same cells', async () => {
    const samples = fc.sample(grids, { numRuns: 40, seed: 20261202 })
    const dir = await tempDir()
    const jobs = samples.map((grid, i) => ({ path: join(dir, `griglia-${i}.docx`), ...grid }))
    execFileSync(PYDOCX, [fixture('src/properties/grid-docx.py')], { input: JSON.stringify(jobs) })
    for (const job of jobs) {
      const [table] = tablesOf(await readDocument(new Uint8Array(await readFile(job.path))))
      const read = (table?.rows ?? []).flat().map((cell) => ({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text }))
      expect(read, job.path).toEqual(job.cells.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text })))
    }
  }, 120_000)
})

describe('property: damaged copies of the fixtures', () => {
  const FILES = ['plans/seed-2024/programmazione-2024-calc.pdf', 'plans/seed-2024/programmazione-2024.docx', 'plans/seed-2024/programmazione-2024.xlsx', 'plans/seed-2024/programmazione-2024.html']

  /** Imports bytes; gives "ok" or the refusal's rule, and fails the property on any other error. */
  async function outcome(bytes: Uint8Array): Promise<string> {
    try {
      await importBytes(bytes, { name: 'copia' })
      return 'ok'
    } catch (error) {
      if (isPerfplanError(error)) return error.rule
      throw error
    }
  }

  it.each(FILES)('cut anywhere, %s is imported or refused with a rule, never crashes', async (name) => {
    const bytes = new Uint8Array(await readFile(fixture(name)))
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (length) => {
        expect(['ok', 'UNREADABLE', 'NOT_A_PLAN', 'NO_TEXT_LAYER', 'TOO_LARGE']).toContain(await outcome(bytes.slice(0, length)))
      }),
      { numRuns: 12 },
    )
  }, 120_000)

  it.each(FILES)('with bytes flipped, %s is imported or refused with a rule, never crashes', async (name) => {
    const bytes = new Uint8Array(await readFile(fixture(name)))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.integer({ min: 0, max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), async (flips) => {
        const copy = bytes.slice()
        for (const flip of flips) copy[flip.at] = flip.value
        expect(['ok', 'UNREADABLE', 'NOT_A_PLAN', 'NO_TEXT_LAYER', 'TOO_LARGE']).toContain(await outcome(copy))
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})
