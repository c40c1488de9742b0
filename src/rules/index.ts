import type { Finding } from '../model/finding.js'
import type { PlanRecord } from '../model/record.js'
import { locate, type Rule, type RuleContext } from './define.js'
import { setAtPath } from './path.js'

/** The rules in the order they run: inferences first, then the checks that use them. */
export const RULES: readonly Rule[] = []

/**
 * Runs every rule over the record, applying each correction as it comes, so a later
 * rule sees the values an earlier one fixed. Returns the findings, unsorted.
 */
export function runRules(record: PlanRecord, context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = []
  for (const rule of rules) {
    for (const report of rule.check(record, context)) {
      if (report.fix) setAtPath(record, report.fix.path ?? report.path ?? '', report.fix.value)
      findings.push({
        rule: rule.code,
        severity: rule.severity,
        objectiveId: report.objectiveId ?? null,
        path: report.path ?? null,
        message: report.message,
        found: report.found ?? null,
        corrected: report.corrected ?? null,
        location: locate(report, context),
      })
    }
  }
  return findings
}
