import type { Cell } from '../model/document.js'
import type { Finding, Severity } from '../model/finding.js'
import type { Location } from '../model/location.js'

/** Where a record field was read from: its cell's location and the text as printed. */
export interface Origin {
  location: Location
  raw: string
}

/**
 * What interpretation keeps beside the record: which cells it used (so nothing is
 * silently dropped), where each field came from, and the findings of reading.
 */
export class ReadingContext {
  private readonly used = new Set<Cell>()
  readonly origins = new Map<string, Origin>()
  readonly findings: Finding[] = []

  /** Marks cells as mapped to a field or recognised as a label. */
  use(...cells: (Cell | null | undefined)[]): void {
    for (const cell of cells) if (cell) this.used.add(cell)
  }

  isUsed(cell: Cell): boolean {
    return this.used.has(cell)
  }

  /** Records where the value at `path` was read. */
  origin(path: string, cell: Cell | null | undefined, raw?: string): void {
    if (cell) this.origins.set(path, { location: cell.location, raw: raw ?? cell.text })
  }

  report(rule: string, severity: Severity, finding: Partial<Omit<Finding, 'rule' | 'severity'>> & { message: string }): void {
    this.findings.push({
      rule,
      severity,
      objectiveId: finding.objectiveId ?? null,
      path: finding.path ?? null,
      message: finding.message,
      found: finding.found ?? null,
      corrected: finding.corrected ?? null,
      location: finding.location ?? null,
    })
  }
}
