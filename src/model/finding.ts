import { compareLocation, type Location } from './location.js'

export type Severity = 'error' | 'warning' | 'info'

/** Something checked, corrected or doubtful, with where it was found (record.md "Finding"). */
export interface Finding {
  rule: string
  severity: Severity
  objectiveId: string | null
  path: string | null
  message: string
  found: unknown
  corrected: unknown
  location: Location | null
}

/** The Italian word for each severity, as every report and the workbook print it. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'errore', warning: 'avviso', info: 'informazione' }

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order for findings: location, then severity, rule, path, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareLocation(a.location, b.location) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    byCodePoint(a.rule, b.rule) ||
    byCodePoint(a.path ?? '', b.path ?? '') ||
    byCodePoint(a.message, b.message)
  )
}

/** Compares strings by code point, the same on every machine (localeCompare depends on the locale). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Counts findings per severity, as batch.json reports them. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) counts[finding.severity]++
  return counts
}
