import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import PQueue from 'p-queue'
import type { ImportOptions } from '../pipeline.js'
import { countFindings, type Severity } from '../model/finding.js'
import type { FailureRule } from '../errors.js'
import type { PlanRecord } from '../model/record.js'
import type { Input } from './inputs.js'
import { runImportTask } from './import-task.js'

/** One file's line in batch.json. */
export interface FileResult {
  file: string
  status: 'ok' | 'failed'
  rule?: FailureRule
  message?: string
  findings: Record<Severity, number>
  ms: number
}

export interface BatchResult {
  files: FileResult[]
  totals: { files: number; ok: number; failed: number; findings: Record<Severity, number> }
}

export interface BatchOptions extends Omit<ImportOptions, 'name'> {
  out: string
  /** Files read at once (their I/O overlaps; parsing shares this thread). */
  concurrency?: number
  /** Write the corrected workbook OUT/<name>.xlsx beside the JSON (`import`; not `audit`). */
  workbook?: boolean
  /** Called with each imported record (the audit report collects them). */
  onRecord?: (name: string, record: PlanRecord) => void
  onFileDone?: (result: FileResult, done: number, total: number) => void
}

/**
 * Imports every input, writing OUT/<name>.json (and extra outputs) for each and
 * OUT/batch.json for all. Never rejects for a bad document: its entry says `failed`
 * with the rule and one sentence, and no output of it is left behind.
 */
export async function runBatch(inputs: readonly Input[], options: BatchOptions): Promise<BatchResult> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency ?? 2) })
  const files: FileResult[] = new Array(inputs.length)
  let done = 0
  await Promise.all(
    inputs.map((input, i) =>
      queue.add(async () => {
        files[i] = await importOne(input, options)
        options.onFileDone?.(files[i] as FileResult, ++done, inputs.length)
      }),
    ),
  )
  const totals = { files: files.length, ok: 0, failed: 0, findings: { error: 0, warning: 0, info: 0 } }
  for (const file of files) {
    totals[file.status]++
    for (const severity of ['error', 'warning', 'info'] as const) totals.findings[severity] += file.findings[severity]
  }
  const result = { files, totals }
  await writeAtomically(join(options.out, 'batch.json'), `${JSON.stringify(result, null, 2)}\n`)
  return result
}

async function importOne(input: Input, options: BatchOptions): Promise<FileResult> {
  const started = performance.now()
  const base = join(options.out, input.name)
  const result = await runImportTask({
    path: input.path,
    name: input.name,
    workbook: options.workbook ?? false,
    ...(options.scheme ? { scheme: options.scheme } : {}),
    ...(options.areas ? { areas: options.areas } : {}),
  })
  if (!result.ok) {
    // Outputs of an earlier run would now describe a file that no longer imports.
    await Promise.all(['.json', '.xlsx'].map((extension) => rm(base + extension, { force: true })))
    return { file: input.name, status: 'failed', rule: result.rule, message: result.message, findings: { error: 1, warning: 0, info: 0 }, ms: elapsed(started) }
  }
  await writeAtomically(`${base}.json`, result.json)
  if (result.workbook) await writeAtomically(`${base}.xlsx`, result.workbook)
  options.onRecord?.(input.name, result.record)
  return { file: input.name, status: 'ok', findings: countFindings(result.record.findings), ms: elapsed(started) }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started)
}

/** Writes through a temporary file and a rename, so no half-written output is ever left. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, path)
}
