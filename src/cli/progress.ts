import { MultiBar, type SingleBar } from 'cli-progress'
import type { FileResult } from '../batch/run.js'
import { fileLine } from './summary.js'

/**
 * What a run shows while it works. On a terminal: one progress line fitted to its width
 * (files done/total, rate, ETA, the file being read) with each finished file printed
 * above it, marked ✓ clean, ! with error findings, ✗ failed. Elsewhere (CI, pipes): only
 * the failed files, one line each.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream
  readonly #quiet: boolean
  readonly #started = Date.now()
  #bars: MultiBar | null = null
  #bar: SingleBar | null = null

  constructor(stream: NodeJS.WriteStream, options: { quiet: boolean }) {
    this.#stream = stream
    this.#quiet = options.quiet
  }

  start(total: number): void {
    if (this.#quiet || !this.#stream.isTTY || total === 0) return
    this.#bars = new MultiBar({
      stream: this.#stream,
      format: '{bar} {value}/{total} | {rate} files/s | ETA {eta_formatted} | {file}',
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false, // cut to the terminal's width
      gracefulExit: false, // the command handles SIGINT itself
      etaBuffer: 50,
    })
    this.#bar = this.#bars.create(total, 0, { file: '', rate: '0.0' })
  }

  fileStarted(name: string): void {
    this.#bar?.update({ file: name })
  }

  fileDone(result: FileResult, done: number): void {
    if (this.#bars && this.#bar) {
      this.#bars.log(`${fileLine(result)}\n`)
      const rate = done / Math.max((Date.now() - this.#started) / 1000, 0.001)
      this.#bar.update(done, { rate: rate.toFixed(1) })
    } else if (result.status === 'failed') {
      this.#stream.write(`${result.file}: ${result.rule}: ${result.message}\n`)
    }
  }

  stop(): void {
    this.#bars?.stop()
    this.#bars = null
    this.#bar = null
  }
}
