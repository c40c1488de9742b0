import type { BatchResult } from '../../batch/run.js'
import type { DocumentDigest } from '../../batch/digest.js'
import { describeLocation } from '../../model/location.js'
import { show } from '../../values/show.js'
import { toCsv } from '../csv.js'
import { bySeverity, SEVERITY_LABEL } from './common.js'

/**
 * rilievi.csv: every finding of every document, errors first within each document, and
 * one row for each document that could not be imported (its rule as the finding).
 */
export function findingsCsv(batch: BatchResult, digests: ReadonlyMap<string, DocumentDigest>): string {
  const rows: (string | number | null)[][] = []
  for (const file of batch.files) {
    if (file.status === 'failed') {
      rows.push([file.file, null, null, SEVERITY_LABEL.error, file.rule ?? null, null, null, null, file.message ?? null, null, null])
      continue
    }
    const digest = digests.get(file.file)
    if (!digest) continue
    for (const finding of [...digest.findings].sort(bySeverity)) {
      rows.push([
        file.file,
        digest.plan.comune,
        digest.plan.year,
        SEVERITY_LABEL[finding.severity],
        finding.rule,
        finding.objectiveId,
        finding.path,
        describeLocation(finding.location),
        finding.message,
        show(finding.found),
        show(finding.corrected),
      ])
    }
  }
  return toCsv(['documento', 'comune', 'anno', 'gravità', 'regola', 'obiettivo', 'percorso', 'dove', 'messaggio', 'trovato', 'corretto'], rows)
}

/**
 * obiettivi.csv: one row per objective of every imported document, with its score, the
 * weight printed in another form, and its absolute weight in each area of the batch (one
 * column per area, in the areas' order of identifiers).
 */
export function objectivesCsv(batch: BatchResult, digests: ReadonlyMap<string, DocumentDigest>): string {
  // Columns by canonical area (its label from the plan's area totals, not the printed one).
  const areaLabels = new Map<string, string>()
  for (const digest of digests.values()) for (const area of digest.areas) if (!areaLabels.has(area.area)) areaLabels.set(area.area, area.label)
  const areas = [...areaLabels.keys()].sort()
  const rows: (string | number | null)[][] = []
  for (const file of batch.files) {
    const digest = digests.get(file.file)
    if (file.status !== 'ok' || !digest) continue
    for (const objective of digest.objectives) {
      const weights = new Map(objective.areas.map((area) => [area.area, area.absoluteWeight]))
      rows.push([
        file.file,
        digest.plan.comune,
        digest.plan.year,
        objective.id,
        objective.code,
        objective.title,
        objective.unit,
        objective.score,
        objective.weight,
        ...areas.map((area) => weights.get(area) ?? null),
      ])
    }
  }
  return toCsv(['documento', 'comune', 'anno', 'obiettivo', 'codice', 'titolo', 'unità', 'punteggio', 'peso', ...areas.map((area) => `peso ${areaLabels.get(area)}`)], rows)
}
