import type { Origin } from '../interpret/context.js'
import type { LayoutChecks } from '../interpret/build.js'
import type { Severity } from '../model/finding.js'
import type { Location } from '../model/location.js'
import type { PlanRecord } from '../model/record.js'
import type { WeightingScheme } from '../settings/scheme.js'
import type { AreaRegistry } from '../settings/areas.js'

/** What a rule may look up besides the record: where fields were read, and the settings. */
export interface RuleContext {
  origins: ReadonlyMap<string, Origin>
  /** What other layouts print beside the record: totals, weight groups, expected fields. */
  checks?: LayoutChecks
  scheme: WeightingScheme
  areas: AreaRegistry
}

/** What a rule returns: a finding without the stamped fields, and maybe a correction. */
export interface RuleReport {
  objectiveId?: string | null
  path?: string | null
  message: string
  found?: unknown
  corrected?: unknown
  /** Defaults to where `path` was read. */
  location?: Location | null
  /** The correction: `value` is written at `fix.path` (defaults to `path`). */
  fix?: { path?: string; value: unknown }
}

/**
 * One reconciliation rule of rules.md. `check` is pure: it reads the record as the
 * rules before it left it and returns reports; the runner applies their fixes and
 * stamps `rule` and `severity` on the findings.
 */
export interface Rule {
  code: string
  severity: Severity
  check(record: PlanRecord, context: RuleContext): RuleReport[]
}

export function defineRule(rule: Rule): Rule {
  return rule
}

/** The location a report points at: its own, else where its path was read. */
export function locate(report: RuleReport, context: RuleContext): Location | null {
  if (report.location !== undefined) return report.location
  return report.path ? (context.origins.get(report.path)?.location ?? null) : null
}

