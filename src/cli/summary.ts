import type { BatchResult, FileResult } from '../batch/run.js'
import { convertCommand } from '../batch/inputs.js'

/** How a finished file is marked: failed, imported with error findings, or clean. */
export function mark(file: FileResult): '✗' | '!' | '✓' {
  if (file.status === 'failed') return '✗'
  return file.findings.error > 0 ? '!' : '✓'
}

/** One finished file, as the run prints it: "✗ a/piano.pdf  UNREADABLE: Il file è vuoto." */
export function fileLine(file: FileResult): string {
  if (file.status === 'failed') return `${mark(file)} ${file.file}  ${file.rule}: ${file.message}`
  const counts = [plural(file.findings.error, 'error', 'errors'), plural(file.findings.warning, 'warning', 'warnings')].filter((part) => !part.startsWith('0 '))
  return `${mark(file)} ${file.file}${counts.length > 0 ? `  ${counts.join(', ')}` : ''}${file.skipped ? '  (kept)' : ''}`
}

export interface SummaryContext {
  out: string
  elapsedMs: number
  /** Reports written beside batch.json (audit). */
  reports: string[]
  /** Files of formats perfplan does not read, with their conversion. */
  convertible: { path: string; target: string }[]
}

const WORST = 5

/** The summary printed at the end of every run, on stderr. */
export function summaryText(batch: BatchResult, context: SummaryContext): string {
  const { totals } = batch
  const seconds = context.elapsedMs / 1000
  const lines: string[] = []
  if (batch.state === 'interrupted') lines.push(`interrupted: ${batch.unfinished.length} of ${totals.files + batch.unfinished.length} files not finished`)
  const parts = [`${totals.ok - totals.skipped} imported`, `${totals.failed} failed`]
  if (totals.skipped > 0) parts.push(`${totals.skipped} kept from an earlier run`)
  lines.push(`${plural(totals.files, 'file', 'files')}: ${parts.join(', ')} in ${seconds.toFixed(1)} s (${(totals.files / Math.max(seconds, 0.001)).toFixed(1)} files/s)`)
  lines.push(`findings: ${plural(totals.findings.error, 'error', 'errors')}, ${plural(totals.findings.warning, 'warning', 'warnings')}, ${plural(totals.findings.info, 'info', 'infos')}`)
  const worst = batch.files
    .filter((file) => file.status === 'failed' || file.findings.error > 0)
    .sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed') || b.findings.error - a.findings.error || (a.file < b.file ? -1 : 1))
    .slice(0, WORST)
  if (worst.length > 0) {
    lines.push('worst documents:')
    for (const file of worst) lines.push(`  ${fileLine(file)}`)
  }
  if (context.convertible.length > 0) {
    lines.push(`not read (${context.convertible.length}), convert them first:`)
    for (const file of context.convertible.slice(0, WORST)) lines.push(`  ${convertCommand(file)}`)
    if (context.convertible.length > WORST) lines.push(`  … and ${context.convertible.length - WORST} more`)
  }
  if (batch.ignored.length > 0) lines.push(`not documents, listed in batch.json as ignored: ${batch.ignored.length}`)
  lines.push(`outputs: ${[context.out + '/batch.json', ...context.reports.map((report) => `${context.out}/${report}`)].join(', ')}`)
  return `${lines.join('\n')}\n`
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
