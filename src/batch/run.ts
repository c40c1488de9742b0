import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import PQueue from 'p-queue'
import type { ImportOptions } from '../pipeline.js'
import { countFindings, type Severity } from '../model/finding.js'
import type { FailureRule } from '../errors.js'
import type { PlanRecord } from '../model/record.js'
import type { IgnoredPath, Input } from './inputs.js'
import type { TaskResult } from './import-task.js'
import { digestOf, type DocumentDigest } from './digest.js'
import { DEFAULT_GUARDS, ImportPool, type Guards } from './pool.js'
import { outputNames } from './output-names.js'
import { writeAtomically } from './atomic-write.js'
import { mib } from '../readers/too-large.js'

export { writeAtomically } from './atomic-write.js'

/** One file's line in batch.json. */
export interface FileResult {
  /** The name its outputs take under OUT ("sub/piano.pdf"). */
  file: string
  status: 'ok' | 'failed'
  rule?: FailureRule
  message?: string
  /** With --skip-existing: the outputs of an earlier run were for the same bytes, and kept. */
  skipped?: true
  findings: Record<Severity, number>
  /** Time spent reading it (in its worker), not waiting for one. */
  ms: number
}

export interface BatchTotals {
  files: number
  ok: number
  failed: number
  skipped: number
  findings: Record<Severity, number>
}

/**
 * batch.json. It is rewritten as files finish (`state: "running"`), so even a killed run
 * leaves a true record of what finished; `unfinished` names what an interrupted run did not.
 */
export interface BatchResult {
  state: 'running' | 'complete' | 'interrupted'
  files: FileResult[]
  unfinished: string[]
  /** Paths under the input folders that are not documents (other files, unreadable folders, looping links). */
  ignored: IgnoredPath[]
  totals: BatchTotals
}

export interface BatchOptions extends Omit<ImportOptions, 'name'> {
  out: string
  /** Worker threads, one document each at a time (default: one per core). */
  concurrency?: number
  /** Write the corrected workbook beside the JSON (`import`; not `audit`). */
  workbook?: boolean
  /** Per-document guards: timeout, worker heap, and the largest file read. */
  guards?: Partial<Guards> & { maxBytes?: number }
  /** Keep the outputs of a file whose JSON already names the same source sha256. */
  skipExisting?: boolean
  /** Called with each imported plan's digest (the audit report collects them). */
  onDigest?: (name: string, digest: DocumentDigest) => void
  onFileStart?: (name: string) => void
  onFileDone?: (result: FileResult, done: number, total: number) => void
  /** Paths the inputs' walk passed over, recorded in batch.json. */
  ignored?: IgnoredPath[]
  /** Aborting it interrupts the run: documents under way are abandoned, batch.json says so. */
  signal?: AbortSignal
}

/** The largest file read by default (bytes). */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024
const REWRITE_EVERY_MS = 1000

/**
 * Imports every input in a pool of worker threads, writing OUT/<name>.json (and the
 * workbook) as each finishes and OUT/batch.json for all. Never rejects for a bad
 * document: its entry says `failed` with the rule and one sentence, and no output of it is
 * left behind. Outputs are the same bytes whatever the concurrency.
 */
export async function runBatch(inputs: readonly Input[], options: BatchOptions): Promise<BatchResult> {
  const threads = workerCount(options.concurrency, inputs.length)
  const guards: Guards = { ...DEFAULT_GUARDS, ...options.guards }
  const maxBytes = options.guards?.maxBytes ?? DEFAULT_MAX_BYTES
  const pool = new ImportPool(threads, guards)
  const results: (FileResult | undefined)[] = new Array(inputs.length)
  const batchPath = join(options.out, 'batch.json')
  let done = 0
  let lastWrite = 0
  let writing: Promise<void> = Promise.resolve()
  const record = (state: BatchResult['state']) => batchOf(results, inputs, state, options.ignored ?? [])
  const interrupted = () => options.signal?.aborted === true
  const onAbort = () => pool.interrupt()
  options.signal?.addEventListener('abort', onAbort, { once: true })

  await writeAtomically(batchPath, render(record('running')))
  // Bounds the documents in flight (a queued one holds nothing), so memory stays flat.
  const queue = new PQueue({ concurrency: threads * 2 })
  try {
    await Promise.all(
      inputs.map((input, i) =>
        queue.add(async () => {
          if (interrupted()) return
          options.onFileStart?.(input.name)
          const result = await importOne(input, options, pool, maxBytes)
          if (!result) return // interrupted while it was read
          results[i] = result
          options.onFileDone?.(result, ++done, inputs.length)
          if (Date.now() - lastWrite >= REWRITE_EVERY_MS) {
            lastWrite = Date.now()
            writing = writing.then(() => writeAtomically(batchPath, render(record('running'))))
          }
        }),
      ),
    )
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    await pool.close()
    await writing
  }
  const result = record(interrupted() ? 'interrupted' : 'complete')
  await writeAtomically(batchPath, render(result))
  return result
}

/**
 * The worker threads a batch starts: --concurrency (default one per core), but never more
 * than its documents, since each worker loads pdf.js (and the other readers it needs),
 * some 40 MB, before it reads a page.
 */
export function workerCount(concurrency: number | undefined, documents: number): number {
  return Math.max(1, Math.min(concurrency ?? availableParallelism(), documents))
}

async function importOne(input: Input, options: BatchOptions, pool: ImportPool, maxBytes: number): Promise<FileResult | null> {
  const started = performance.now()
  let readMs: number | null = null
  const names = outputNames(input.name)
  const paths = { json: join(options.out, names.json), workbook: join(options.out, names.workbook) }
  const finish = (fields: Omit<FileResult, 'file' | 'ms'>): FileResult => ({ file: input.name, ...fields, ms: readMs ?? Math.round(performance.now() - started) })

  if (input.refusal) return finish({ status: 'failed', rule: input.refusal.rule, message: input.refusal.message, findings: { error: 1, warning: 0, info: 0 } })
  if (options.skipExisting) {
    const existing = await existingRecord(input.rawPath ? Buffer.from(input.rawPath) : input.path, paths, options.workbook ?? false)
    if (existing) {
      if (options.onDigest) options.onDigest(input.name, digestOf(existing))
      return finish({ status: 'ok', skipped: true, findings: countFindings(existing.findings) })
    }
  }
  const source = input.rawPath ? Buffer.from(input.rawPath) : input.path
  const size = (await stat(source).catch(() => null))?.size ?? 0
  const result: TaskResult =
    size > maxBytes
      ? { ok: false, rule: 'TOO_LARGE', message: `Il file è di ${mib(size)} MB, oltre il limite di ${mib(maxBytes)} MB (--max-size).` }
      : await pool.run({
          path: source,
          name: input.name,
          workbook: options.workbook ?? false,
          digest: options.onDigest !== undefined,
          ...(options.scheme ? { scheme: options.scheme } : {}),
          ...(options.areas ? { areas: options.areas } : {}),
        })
  if (!result.ok && result.rule === 'INTERRUPTED') return null
  if (result.ms !== undefined) readMs = result.ms
  if (!result.ok) {
    // Outputs of an earlier run would now describe a file that no longer imports.
    await Promise.all([paths.json, paths.workbook].map((path) => rm(path, { force: true })))
    return finish({ status: 'failed', rule: result.rule, message: result.message, findings: { error: 1, warning: 0, info: 0 } })
  }
  await writeAtomically(paths.json, result.json)
  if (result.workbook) await writeAtomically(paths.workbook, result.workbook)
  if (result.digest) options.onDigest?.(input.name, result.digest)
  return finish({ status: 'ok', findings: result.findings })
}

/** The record an earlier run wrote for the same bytes, when its outputs are all there. */
async function existingRecord(source: string | Buffer, paths: { json: string; workbook: string }, workbook: boolean): Promise<PlanRecord | null> {
  const text = await readFile(paths.json, 'utf8').catch(() => null)
  if (text === null) return null
  if (workbook && !(await stat(paths.workbook).catch(() => null))) return null
  let record: PlanRecord
  try {
    record = JSON.parse(text) as PlanRecord
  } catch {
    return null
  }
  return record?.source?.sha256 === (await sha256(source)) ? record : null
}

async function sha256(path: string | Buffer): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  } catch {
    return null
  }
  return hash.digest('hex')
}

function batchOf(results: readonly (FileResult | undefined)[], inputs: readonly Input[], state: BatchResult['state'], ignored: IgnoredPath[]): BatchResult {
  const files = results.filter((result): result is FileResult => result !== undefined)
  const unfinished = state === 'complete' ? [] : inputs.filter((_, i) => results[i] === undefined).map((input) => input.name)
  const totals: BatchTotals = { files: files.length, ok: 0, failed: 0, skipped: 0, findings: { error: 0, warning: 0, info: 0 } }
  for (const file of files) {
    totals[file.status]++
    if (file.skipped) totals.skipped++
    for (const severity of ['error', 'warning', 'info'] as const) totals.findings[severity] += file.findings[severity]
  }
  return { state, files, unfinished, ignored, totals }
}

function render(batch: BatchResult): string {
  return `${JSON.stringify(batch, null, 2)}\n`
}
