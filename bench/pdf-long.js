// The long documents of bench/pdf.js, run as a process of its own: the seed's Calc export
// repeated to 42 and to 402 pages with qpdf (in a temporary folder removed after), read the
// three ways the command line reads it — `perfplan tables` in this thread, `perfplan audit`
// and `perfplan import` in a worker thread of the batch pool — each against raw pdf.js on the
// same pages in the same kind of thread (this one, or a worker of its own with V8's default
// heap settings), alternating, median and fastest of five; then the peak memory of raw pdf.js
// and of the `perfplan import` command, each in a process of its own.
// BENCH_PDF_COPIES=7,67 to change the sizes (copies of the 6-page export).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
// perfplan first: it loads pdf.js as the command line does (see src/readers/pdf/pdfjs.ts).
import { readDocument, writeAuditReports } from '../dist/index.js'
import { DEFAULT_GUARDS, ImportPool } from '../dist/batch/pool.js'
import { tablesAsJson } from '../dist/emit/tables.js'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { extractRaw } from './raw-pdf.js'
import { workFolder } from './work-folder.js'

/** Rounds of each way: one run takes seconds, and the machine's other work weighs less. */
const LONG_ROUNDS = 5
const raw = (file) => extractRaw(file.bytes)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function timed(work, batch) {
  const start = process.hrtime.bigint()
  for (const file of batch) await work(file)
  return Number(process.hrtime.bigint() - start) / 1e6
}

const SEED = fileURLToPath(new URL('../fixtures/plans/seed-2024/programmazione-2024-calc.pdf', import.meta.url))
const bin = fileURLToPath(new URL('../bin/perfplan.js', import.meta.url))
const preload = fileURLToPath(new URL('./peak-rss.js', import.meta.url))
const rawScript = fileURLToPath(new URL('./raw-pdf.js', import.meta.url))
const { path: work, remove: removeWork } = workFolder('perfplan-bench-pdf-')
const out = join(work, 'out')

/** The seed's Calc export repeated `copies` times into one PDF (qpdf). */
function repeated(copies) {
  const target = join(work, `seed-x${copies}.pdf`)
  const run = spawnSync('qpdf', ['--empty', '--pages', ...Array(copies).fill(SEED), '--', target], { stdio: ['ignore', 'ignore', 'pipe'] })
  if (run.error || run.status !== 0) throw new Error(`qpdf is needed to make the long documents (apt-get install qpdf): ${run.error?.message ?? run.stderr}`)
  return target
}

/** The baseline in a worker thread, for the ways that run in one; its heap may grow as far as the pool's. */
const rawThread = new Worker(new URL('./raw-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: DEFAULT_GUARDS.maxMemoryMb } })
let pending = null
rawThread.on('message', (ms) => pending?.resolve(ms))
rawThread.on('error', (error) => pending?.reject(error))
const rawInWorker = (file) =>
  new Promise((resolve, reject) => {
    pending = { resolve, reject }
    rawThread.postMessage(file.path)
  })

/** `perfplan tables FILE`: the document's tables as JSON. */
const tables = async (file) => {
  tablesAsJson(await readDocument(readFileSync(file.path)))
}
// `audit` and `import` run as the command line runs a document: in a worker thread of the
// batch pool, with its heap settings (the pool stays up between runs, as in a batch).
const pool = new ImportPool(1)
/** `perfplan audit FILE`: the record as JSON and the audit's reports, no workbook. */
const audit = async (file) => {
  const result = await pool.run({ path: file.path, name: file.name, workbook: false, digest: true })
  if (!result.ok) throw new Error(`${file.name}: ${result.rule} ${result.message}`)
  await writeFile(join(out, `${file.name}.json`), result.json)
  const files = [{ file: file.name, status: 'ok', findings: result.findings, ms: result.ms }]
  const batch = { state: 'complete', files, unfinished: [], ignored: [], totals: { files: 1, ok: 1, failed: 0, skipped: 0, findings: result.findings } }
  await writeAuditReports(out, batch, new Map([[file.name, result.digest]]))
}
/** `perfplan import FILE`: the record as JSON and the corrected workbook, both written. */
const importWithWorkbook = async (file) => {
  const result = await pool.run({ path: file.path, name: file.name, workbook: true, digest: false })
  if (!result.ok) throw new Error(`${file.name}: ${result.rule} ${result.message}`)
  await writeFile(join(out, `${file.name}.json`), result.json)
  await writeFile(join(out, `${file.name}.xlsx`), result.workbook)
}

/** Peak resident memory (MiB) of one command run as its own process. */
function peakOf(args) {
  const peakFile = join(work, 'peak')
  const run = spawnSync('node', ['--import', preload, ...args], { env: { ...process.env, PERFPLAN_PEAK_FILE: peakFile }, stdio: ['ignore', 'ignore', 'pipe'] })
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return Number(readFileSync(peakFile, 'utf8')) / 1024
}

try {
  mkdirSync(out)
  for (const copies of (process.env.BENCH_PDF_COPIES ?? '7,67').split(',').map(Number)) {
    const path = repeated(copies)
    const bytes = new Uint8Array(readFileSync(path))
    const file = { name: `seed-x${copies}.pdf`, path, bytes }
    const counted = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
    const count = counted.numPages
    await counted.destroy()
    const ways = { raw, tables, rawWorker: rawInWorker, audit, import: importWithWorkbook }
    for (const way of Object.values(ways)) await way(file) // warm-up
    const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]))
    for (let round = 0; round < LONG_ROUNDS; round++) {
      for (const [way, run] of Object.entries(ways)) times[way].push(await timed(run, [file]))
    }
    const ms = Object.fromEntries(Object.entries(times).map(([way, values]) => [way, median(values)]))
    // The fastest run of each is the one the machine's other work disturbed least.
    const fastest = Object.fromEntries(Object.entries(times).map(([way, values]) => [way, Math.min(...values)]))
    console.log(`${count} pages (the seed's Calc export x ${copies}), same process, alternating, ${LONG_ROUNDS} rounds, median and fastest:`)
    const line = (label, way, base) =>
      console.log(`  ${label.padEnd(24)}${ms[way].toFixed(0).padStart(6)} ms${base ? `, ratio ${(ms[way] / ms[base]).toFixed(2)}x` : '         '};${fastest[way].toFixed(0).padStart(7)} ms${base ? `, ratio ${(fastest[way] / fastest[base]).toFixed(2)}x` : ''}`)
    line('raw pdf.js, this thread', 'raw')
    line('perfplan tables', 'tables', 'raw')
    line('raw pdf.js, a worker', 'rawWorker')
    line('perfplan audit', 'audit', 'rawWorker')
    line('perfplan import', 'import', 'rawWorker')
    const rawPeak = peakOf([rawScript, path])
    rmSync(out, { recursive: true, force: true })
    const importPeak = peakOf([bin, 'import', path, '--out', out, '--quiet'])
    console.log(`  peak memory, each its own process: raw pdf.js ${rawPeak.toFixed(0)} MiB, perfplan import ${importPeak.toFixed(0)} MiB (+${(importPeak - rawPeak).toFixed(0)} MiB)`)
    mkdirSync(out, { recursive: true })
  }
} finally {
  await pool.close()
  await rawThread.terminate()
  removeWork()
}
