import type { BatchResult } from '../batch/run.js'
import type { PlanRecord } from '../model/record.js'
import { formatLocation } from '../model/location.js'
import { show } from '../values/show.js'

/**
 * The human-readable audit of a batch (Markdown): per document its status and its
 * findings, errors first, each with rule, objective, place, what was found and what
 * was written instead.
 */
export function emitAudit(batch: BatchResult, records: ReadonlyMap<string, PlanRecord>): string {
  const { totals } = batch
  const out: string[] = [
    '# Audit dei piani della performance',
    '',
    `Documenti: ${totals.files} (importati ${totals.ok}, non importati ${totals.failed}). ` +
      `Rilievi: ${count(totals.findings.error, 'errore', 'errori')}, ${count(totals.findings.warning, 'avviso', 'avvisi')}, ` +
      `${count(totals.findings.info, 'informazione', 'informazioni')}.`,
    '',
  ]
  for (const file of batch.files) {
    out.push(`## ${file.file}`, '')
    if (file.status === 'failed') {
      out.push(`**Non importato** (${file.rule}): ${file.message}`, '')
      continue
    }
    const record = records.get(file.file)
    if (!record) continue
    const { plan } = record
    out.push(
      `Comune: ${plan.comune ?? '—'}; anno: ${plan.year ?? '—'}; obiettivi: ${record.objectives.length}; righe di riepilogo: ${record.summary.length}.`,
      '',
    )
    if (record.findings.length === 0) {
      out.push('Nessun rilievo.', '')
      continue
    }
    out.push('| gravità | regola | obiettivo | dove | messaggio | trovato | corretto |', '|---|---|---|---|---|---|---|')
    const order = { error: 0, warning: 1, info: 2 }
    for (const finding of [...record.findings].sort((a, b) => order[a.severity] - order[b.severity])) {
      out.push(
        `| ${finding.severity} | ${finding.rule} | ${finding.objectiveId ?? ''} | ${formatLocation(finding.location)} | ${cell(finding.message)} | ${cell(show(finding.found) ?? '')} | ${cell(show(finding.corrected) ?? '')} |`,
      )
    }
    out.push('')
  }
  return out.join('\n')
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 300)
}
