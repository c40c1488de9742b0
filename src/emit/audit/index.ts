import { join } from 'node:path'
import type { BatchResult } from '../../batch/run.js'
import type { DocumentDigest } from '../../batch/digest.js'
import { writeAtomically } from '../../batch/atomic-write.js'
import { emitAudit } from './markdown.js'
import { emitAuditHtml } from './html.js'
import { findingsCsv, objectivesCsv } from './csv-reports.js'

/** The audit's reports beside batch.json; gives their names, as the run's summary lists them. */
export async function writeAuditReports(out: string, batch: BatchResult, digests: ReadonlyMap<string, DocumentDigest>): Promise<string[]> {
  const reports: [string, string][] = [
    ['audit.html', emitAuditHtml(batch, digests)],
    ['audit.md', emitAudit(batch, digests)],
    ['rilievi.csv', findingsCsv(batch, digests)],
    ['obiettivi.csv', objectivesCsv(batch, digests)],
  ]
  for (const [name, text] of reports) await writeAtomically(join(out, name), text)
  return reports.map(([name]) => name)
}

export { emitAudit, emitAuditHtml, findingsCsv, objectivesCsv }
