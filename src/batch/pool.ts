import { existsSync } from 'node:fs'
import { MessageChannel } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { ImportTask, TaskResult } from './import-task.js'
import type { WorkerTask } from './worker.js'

/** The per-document guards: a document that passes one fails alone, with its own rule. */
export interface Guards {
  /** Wall time one document may take, reading to rendered outputs. */
  timeoutMs: number
  /** Heap a worker may grow to (V8's old generation) before it is stopped. */
  maxMemoryMb: number
}

export const DEFAULT_GUARDS: Guards = { timeoutMs: 120_000, maxMemoryMb: 1024 }

/**
 * The worker's young generation, where V8 puts new objects until they survive a collection:
 * half of its default (48 MB on 64-bit), because reading a PDF makes garbage at a high rate
 * and the young generation is resident however little of it is alive. Measured on the seed's
 * export: peak memory of `perfplan import` 10 to 16 MB lower at 6, 42 and 402 pages, against
 * garbage collection going from 3.5% to 5.2% of the time.
 */
const YOUNG_GENERATION_MB = 24

/**
 * A pool of worker threads that import one document each at a time. A document that runs
 * past its timeout, exhausts its heap or crashes its worker ends that worker only: the
 * pool starts another and the batch goes on.
 */
export class ImportPool {
  readonly #pool: Piscina
  readonly #guards: Guards
  /** One abort per document under way: a timeout stops its own, an interruption all. */
  readonly #running = new Set<AbortController>()
  #interrupted = false

  constructor(threads: number, guards: Guards = DEFAULT_GUARDS) {
    this.#guards = guards
    this.#pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: guards.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    })
  }

  /** Imports one document. Never rejects: a guard that stops it gives a failed result. */
  async run(task: ImportTask): Promise<TaskResult> {
    // The clock starts when a worker takes the document up (the worker says so on its
    // port), so neither the wait for a free worker nor a new worker's start-up counts.
    const { port1: started, port2 } = new MessageChannel()
    const abort = new AbortController()
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    started.once('message', () => {
      timer = setTimeout(() => {
        timedOut = true
        abort.abort()
      }, this.#guards.timeoutMs)
    })
    if (this.#interrupted) abort.abort()
    this.#running.add(abort)
    try {
      return (await this.#pool.run({ ...task, started: port2 } satisfies WorkerTask, { signal: abort.signal, transferList: [port2] })) as TaskResult
    } catch (error) {
      if (this.#interrupted) return { ok: false, rule: 'INTERRUPTED', message: "L'importazione è stata interrotta prima che il documento fosse letto." }
      if (timedOut) {
        return { ok: false, rule: 'TIMEOUT', message: `La lettura ha superato il tempo massimo di ${seconds(this.#guards.timeoutMs)} secondi (--timeout).` }
      }
      if ((error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        return { ok: false, rule: 'OUT_OF_MEMORY', message: `La lettura ha superato la memoria massima di ${this.#guards.maxMemoryMb} MB (--max-memory).` }
      }
      return { ok: false, rule: 'CRASHED', message: `La lettura si è interrotta per un errore interno: ${(error as Error)?.message ?? String(error)}` }
    } finally {
      clearTimeout(timer)
      started.close()
      this.#running.delete(abort)
    }
  }

  /** Stops every document under way (their results say INTERRUPTED). */
  interrupt(): void {
    this.#interrupted = true
    for (const abort of this.#running) abort.abort()
  }

  async close(): Promise<void> {
    await this.#pool.close({ force: true })
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',')
}

/**
 * The worker's module. Beside this one once built; when this module runs from its
 * TypeScript source (the test runner), the built worker in dist/ is used.
 */
function workerFile(): string {
  const sibling = fileURLToPath(new URL('./worker.js', import.meta.url))
  if (existsSync(sibling)) return sibling
  return fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url))
}
