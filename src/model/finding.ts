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

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order for findings: location, then severity, rule, path, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareLocation(a.location, b.location) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    (a.path ?? '').localeCompare(b.path ?? '') ||
    a.message.localeCompare(b.message)
  )
}

/** Counts findings per severity, as batch.json reports them. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) counts[finding.severity]++
  return counts
}
