import { importFile } from '../pipeline.js'
import { emitJson } from '../emit/json.js'
import { isPerfplanError, type FailureRule } from '../errors.js'
import { countFindings, type Severity } from '../model/finding.js'
import type { WeightingScheme } from '../settings/scheme.js'
import type { AreaRegistry } from '../settings/areas.js'
import { digestOf, type DocumentDigest } from './digest.js'

/** One file to import (sent to a worker thread, so plain data only). */
export interface ImportTask {
  /** The file, by name or (a name that is not UTF-8) by the bytes of its path. */
  path: string | Uint8Array
  name: string
  workbook: boolean
  /** Return the document's digest for the audit report. */
  digest: boolean
  scheme?: WeightingScheme
  areas?: AreaRegistry
}

/** What importing one file gave: its rendered outputs, or why it failed. */
export type TaskResult =
  | { ok: true; json: string; workbook: Uint8Array | null; findings: Record<Severity, number>; digest: DocumentDigest | null; ms: number }
  | { ok: false; rule: FailureRule; message: string; ms?: number }

/**
 * Imports one file and renders its outputs. Never throws: a file that gives no plan is a
 * failed result with its rule and one sentence; any other error is reported as UNREADABLE.
 */
export async function runImportTask(task: ImportTask): Promise<TaskResult> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  try {
    const { record } = await importFile(task.path, {
      name: task.name,
      ...(task.scheme ? { scheme: task.scheme } : {}),
      ...(task.areas ? { areas: task.areas } : {}),
    })
    // The workbook writer (exceljs) is loaded only by the imports that write one, not by `audit`.
    const workbook = task.workbook ? await (await import('../emit/workbook.js')).emitWorkbook(record, task.scheme ? { scheme: task.scheme } : {}) : null
    return { ok: true, json: emitJson(record), workbook, findings: countFindings(record.findings), digest: task.digest ? digestOf(record) : null, ms: ms() }
  } catch (error) {
    if (isPerfplanError(error)) return { ok: false, rule: error.rule, message: error.message, ms: ms() }
    return { ok: false, rule: 'UNREADABLE', message: `Errore imprevisto durante la lettura: ${(error as Error)?.message ?? String(error)}`, ms: ms() }
  }
}
