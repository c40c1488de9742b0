import type { Finding } from '../model/finding.js'
import type { PlanRecord } from '../model/record.js'
import { locate, type Rule, type RuleContext } from './define.js'
import { setAtPath } from './path.js'
import { deriveWeights } from './derive.js'
import AREA_ALIAS from './AREA_ALIAS.js'
import AREA_UNKNOWN from './AREA_UNKNOWN.js'
import PLACEHOLDER_VALUE from './PLACEHOLDER_VALUE.js'
import SPREADSHEET_ERROR from './SPREADSHEET_ERROR.js'
import VALUE_INTERPRETED from './VALUE_INTERPRETED.js'
import MISSIONE_CODE_NORMALISED from './MISSIONE_CODE_NORMALISED.js'
import MISSIONE_NAME_MISMATCH from './MISSIONE_NAME_MISMATCH.js'
import RATING_INFERRED from './RATING_INFERRED.js'
import RATING_AMBIGUOUS from './RATING_AMBIGUOUS.js'
import SCORE_MISMATCH from './SCORE_MISMATCH.js'
import SCORE_MISSING from './SCORE_MISSING.js'
import CONTRIBUTION_SUM from './CONTRIBUTION_SUM.js'
import ABSOLUTE_WEIGHT_MISMATCH from './ABSOLUTE_WEIGHT_MISMATCH.js'
import DUPLICATE_OBJECTIVE from './DUPLICATE_OBJECTIVE.js'
import SUMMARY_LABEL_MISMATCH from './SUMMARY_LABEL_MISMATCH.js'
import CARD_MISSING from './CARD_MISSING.js'
import SUMMARY_ROW_EMPTY from './SUMMARY_ROW_EMPTY.js'
import CARD_NOT_IN_SUMMARY from './CARD_NOT_IN_SUMMARY.js'
import HEADER_YEAR_MISMATCH from './HEADER_YEAR_MISMATCH.js'
import STALE_BASELINE_YEARS from './STALE_BASELINE_YEARS.js'
import TRUNCATED_TEXT from './TRUNCATED_TEXT.js'
import MEASURE_VALUE_MISSING from './MEASURE_VALUE_MISSING.js'
import WEIGHT_SUM from './WEIGHT_SUM.js'
import FOOTER_TOTAL_MISMATCH from './FOOTER_TOTAL_MISMATCH.js'
import OBJECTIVE_INCOMPLETE from './OBJECTIVE_INCOMPLETE.js'

/** The rules in the order they run: inferences first, then the checks that use them. */
export const RULES: readonly Rule[] = [
  // Values first, so later rules read clean data.
  AREA_ALIAS,
  AREA_UNKNOWN,
  PLACEHOLDER_VALUE,
  SPREADSHEET_ERROR,
  VALUE_INTERPRETED,
  MISSIONE_CODE_NORMALISED,
  MISSIONE_NAME_MISMATCH,
  // Weights: a lost rating is inferred before the score is checked, the score before the areas.
  RATING_INFERRED,
  RATING_AMBIGUOUS,
  SCORE_MISMATCH,
  SCORE_MISSING,
  CONTRIBUTION_SUM,
  ABSOLUTE_WEIGHT_MISMATCH,
  // Other layouts: weights as points or percents, printed totals, what a layout left out.
  WEIGHT_SUM,
  FOOTER_TOTAL_MISMATCH,
  OBJECTIVE_INCOMPLETE,
  // The summary against the cards.
  DUPLICATE_OBJECTIVE,
  SUMMARY_LABEL_MISMATCH,
  CARD_MISSING,
  SUMMARY_ROW_EMPTY,
  CARD_NOT_IN_SUMMARY,
  // Text and dates: reported only.
  HEADER_YEAR_MISMATCH,
  STALE_BASELINE_YEARS,
  TRUNCATED_TEXT,
  MEASURE_VALUE_MISSING,
]

/**
 * Runs every rule over the record, applying each correction as it comes, so a later
 * rule sees the values an earlier one fixed; then derives the absolute weights from the
 * reconciled scores. Returns the findings, unsorted.
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
  deriveWeights(record)
  return findings
}
