import { move, transferableSymbol, valueSymbol } from 'piscina'
import type { MessagePort } from 'node:worker_threads'
import { runImportTask, type ImportTask, type TaskResult } from './import-task.js'

/** A task as the pool sends it: the port tells the pool the document was taken up. */
export interface WorkerTask extends ImportTask {
  started: MessagePort
}

/**
 * The worker thread's task: one file imported and rendered. The workbook's bytes are
 * moved back to the main thread, not copied.
 */
export default async function importInWorker({ started, ...task }: WorkerTask): Promise<TaskResult> {
  started.postMessage(null)
  started.close()
  const result = await runImportTask(task)
  if (!result.ok || !result.workbook) return result
  // Only a buffer the workbook owns whole can be moved; a view of a shared one is copied.
  const bytes = result.workbook.byteOffset === 0 && result.workbook.byteLength === result.workbook.buffer.byteLength ? result.workbook : result.workbook.slice()
  result.workbook = bytes
  const buffer = bytes.buffer
  return move({
    get [transferableSymbol]() {
      return [buffer]
    },
    get [valueSymbol]() {
      return result
    },
  }) as unknown as TaskResult
}
