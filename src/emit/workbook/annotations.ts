import type ExcelJS from 'exceljs'
import type { Finding } from '../../model/finding.js'
import { show } from '../../values/show.js'
import { ancestry, CORRECTED_FILL, DOUBT_FILL, ERROR_FILL, type CellIndex, type CellRef } from './cells.js'

const FILLS = [null, DOUBT_FILL, ERROR_FILL, CORRECTED_FILL] as const

/**
 * The findings on the cells they point at: each such cell is coloured and its comment lists
 * the findings with the original value. A finding lands on the cell of its path, or of its
 * nearest parent path that was written.
 *
 * The workbook is written out sheet by sheet, so a sheet's cells are marked when the sheet is
 * done, from the paths written so far. Every path of an objective is written by its own card (or
 * a summary sheet before it), so nothing written later moves a finding; `verify` checks it.
 */
export class Annotations {
  private readonly placed = new Map<number, CellRef>()
  /** The findings each path could land a finding on: its own and its children's. */
  private readonly byPath = new Map<string, number[]>()

  constructor(
    private readonly findings: readonly Finding[],
    private readonly cells: CellIndex,
  ) {
    findings.forEach((finding, i) => {
      for (const path of finding.path ? ancestry(finding.path) : []) {
        const list = this.byPath.get(path)
        if (list) list.push(i)
        else this.byPath.set(path, [i])
      }
    })
  }

  /** Marks the cells of a sheet, before it is written out. */
  mark(sheet: ExcelJS.Worksheet): void {
    // Only a finding whose path or a parent of it has its cell on this sheet can land here.
    const candidates = new Set<number>()
    for (const path of this.cells.pathsOn(sheet.name)) for (const i of this.byPath.get(path) ?? []) candidates.add(i)
    const notes = new Map<string, { lines: string[]; mark: number }>()
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const finding = this.findings[i] as Finding
      if (!finding.path || this.placed.has(i)) continue
      const target = this.cells.find(finding.path)
      if (!target || target.sheet !== sheet.name) continue
      this.placed.set(i, target)
      const original = finding.found === null ? '' : ` Valore originale: ${show(finding.found)}.`
      const note = notes.get(target.address) ?? { lines: [], mark: 0 }
      note.lines.push(`${finding.rule} (${finding.severity}): ${finding.message}${original}`)
      // The strongest mark wins: corrected (3) over error (2) over warning (1).
      // An info is a normalisation that leaves the printed text as it was (an area's alias, a
      // code's spelling): its comment is kept, the cell is not coloured.
      const mark = finding.severity === 'info' ? 0 : finding.corrected !== null ? 3 : finding.severity === 'error' ? 2 : 1
      note.mark = Math.max(note.mark, mark)
      notes.set(target.address, note)
    }
    for (const [address, { lines, mark }] of notes) {
      const cell = sheet.getCell(address)
      cell.note = lines.join('\n')
      const fill = FILLS[mark]
      if (fill) cell.fill = fill
    }
  }

  /** Throws if a finding was marked elsewhere than where the whole workbook's paths put it. */
  verify(): void {
    this.findings.forEach((finding, i) => {
      const target = finding.path ? this.cells.find(finding.path) : null
      const placed = this.placed.get(i) ?? null
      if (target?.sheet !== placed?.sheet || target?.address !== placed?.address) {
        throw new Error(`finding ${finding.rule} at ${finding.path} was marked on ${where(placed)}, but its cell is ${where(target)}`)
      }
    })
  }
}

function where(cell: CellRef | null): string {
  return cell ? `${cell.sheet}!${cell.address}` : 'none'
}
