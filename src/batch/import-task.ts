import { importFile } from '../pipeline.js'
import { emitJson } from '../emit/json.js'
import { emitWorkbook } from '../emit/workbook.js'
import { isPerfplanError, type FailureRule } from '../errors.js'
import type { PlanRecord } from '../model/record.js'
import type { WeightingScheme } from '../settings/scheme.js'
import type { AreaRegistry } from '../settings/areas.js'

/** One file to import. */
export interface ImportTask {
  path: string
  name: string
  workbook: boolean
  scheme?: WeightingScheme
  areas?: AreaRegistry
}

/** What importing one file gave: the record and its rendered outputs, or why it failed. */
export type TaskResult =
  | { ok: true; record: PlanRecord; json: string; workbook: Uint8Array | null }
  | { ok: false; rule: FailureRule; message: string }

/**
 * Imports one file and renders its outputs. Never throws: a file that gives no plan is a
 * failed result with its rule and one sentence; any other error is reported as UNREADABLE.
 */
export async function runImportTask(task: ImportTask): Promise<TaskResult> {
  try {
    const { record } = await importFile(task.path, {
      name: task.name,
      ...(task.scheme ? { scheme: task.scheme } : {}),
      ...(task.areas ? { areas: task.areas } : {}),
    })
    const workbook = task.workbook ? await emitWorkbook(record, task.scheme ? { scheme: task.scheme } : {}) : null
    return { ok: true, record, json: emitJson(record), workbook }
  } catch (error) {
    if (isPerfplanError(error)) return { ok: false, rule: error.rule, message: error.message }
    return { ok: false, rule: 'UNREADABLE', message: `Errore imprevisto durante la lettura: ${(error as Error)?.message ?? String(error)}` }
  }
}
