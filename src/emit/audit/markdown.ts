import type { BatchResult } from '../../batch/run.js'
import type { DocumentDigest } from '../../batch/digest.js'
import { describeLocation } from '../../model/location.js'
import { show } from '../../values/show.js'
import { bySeverity, plural } from './common.js'

/**
 * The audit of a batch as Markdown: per document its status and its findings, errors
 * first, each with rule, objective, place, what was found and what was written instead.
 */
export function emitAudit(batch: BatchResult, digests: ReadonlyMap<string, DocumentDigest>): string {
  const { totals } = batch
  const out: string[] = [
    '# Audit dei piani della performance',
    '',
    `Documenti: ${totals.files} (importati ${totals.ok}, non importati ${totals.failed}). ` +
      `Rilievi: ${plural(totals.findings.error, 'errore', 'errori')}, ${plural(totals.findings.warning, 'avviso', 'avvisi')}, ` +
      `${plural(totals.findings.info, 'informazione', 'informazioni')}.`,
    '',
  ]
  for (const file of batch.files) {
    out.push(`## ${file.file}`, '')
    if (file.status === 'failed') {
      out.push(`**Non importato** (${file.rule}): ${file.message}`, '')
      continue
    }
    const digest = digests.get(file.file)
    if (!digest) continue
    const { plan } = digest
    out.push(`Comune: ${plan.comune ?? '—'}; anno: ${plan.year ?? '—'}; obiettivi: ${digest.objectives.length}.`, '')
    if (digest.findings.length === 0) {
      out.push('Nessun rilievo.', '')
      continue
    }
    out.push('| gravità | regola | obiettivo | dove | messaggio | trovato | corretto |', '|---|---|---|---|---|---|---|')
    for (const finding of [...digest.findings].sort(bySeverity)) {
      out.push(
        `| ${finding.severity} | ${finding.rule} | ${finding.objectiveId ?? ''} | ${describeLocation(finding.location)} | ${cell(finding.message)} | ${cell(show(finding.found) ?? '')} | ${cell(show(finding.corrected) ?? '')} |`,
      )
    }
    out.push('')
  }
  return out.join('\n')
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 300)
}
