// Benchmark of the PDF import: pages per second of `importBytes` (read, interpret,
// reconcile, validate) against raw pdf.js text and operator-list extraction of the same
// pages, measured in the same process, alternating runs. Peak memory is the process's
// maximum resident set size. Then one long document (the seed's Calc export repeated to 42
// and to 402 pages with qpdf, in a temporary folder removed after): `perfplan tables`,
// `perfplan audit` and `perfplan import` (with the workbook) done as the command line does
// them (the last two in a worker thread of the batch pool), outputs written, each against raw
// pdf.js on the same pages in the same process, alternating, median and fastest of five; and the peak memory of raw pdf.js and of the `perfplan
// import` command, each in a process of its own. Run: npm run bench (builds first);
// BENCH_PDF_COPIES=7,67 to change the long documents' sizes (copies of the 6-page export).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// perfplan first: it loads pdf.js as the command line does (see src/readers/pdf/pdfjs.ts),
// and the baseline then runs in the same process with the same pdf.js.
import { importBytes, readDocument, writeAuditReports } from '../dist/index.js'
import { ImportPool } from '../dist/batch/pool.js'
import { tablesAsJson } from '../dist/emit/tables.js'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { extractRaw } from './raw-pdf.js'
import { workFolder } from './work-folder.js'

const MIN_PAGES = 200
const ROUNDS = 3
/** Rounds of the long documents, where one run takes seconds and the machine's other work weighs less. */
const LONG_ROUNDS = 5
const folder = fileURLToPath(new URL('../fixtures/plans/', import.meta.url))

/** Every PDF under fixtures/plans, with its page count. */
async function pdfFixtures() {
  const files = []
  for (const plan of readdirSync(folder).sort()) {
    for (const name of readdirSync(join(folder, plan)).sort()) {
      if (!name.endsWith('.pdf')) continue
      const bytes = new Uint8Array(readFileSync(join(folder, plan, name)))
      const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise
      files.push({ name: `${plan}/${name}`, bytes, pages: pdf.numPages })
      await pdf.destroy()
    }
  }
  return files
}

async function timed(work, batch) {
  const start = process.hrtime.bigint()
  for (const file of batch) await work(file)
  return Number(process.hrtime.bigint() - start) / 1e6
}

const fixtures = await pdfFixtures()
const perRound = fixtures.reduce((sum, f) => sum + f.pages, 0)
const repeat = Math.ceil(MIN_PAGES / perRound)
const batch = Array.from({ length: repeat }, () => fixtures).flat()
const pages = perRound * repeat
const raw = (file) => extractRaw(file.bytes)
const full = async (file) => {
  try {
    await importBytes(file.bytes.slice(), { name: file.name })
  } catch (error) {
    if (!error || error.name !== 'PerfplanError') throw error // a refused plan still counts its reading time
  }
}

// Warm-up: one pass of each, not measured.
await timed(raw, fixtures)
await timed(full, fixtures)
const rawTimes = []
const importTimes = []
for (let round = 0; round < ROUNDS; round++) {
  rawTimes.push(await timed(raw, batch))
  importTimes.push(await timed(full, batch))
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rawMs = median(rawTimes)
const importMs = median(importTimes)

console.log(`PDF fixtures: ${fixtures.map((f) => `${f.name} (${f.pages} p.)`).join(', ')}`)
console.log(`pages per run: ${pages} (${fixtures.length} files x ${repeat}); rounds: ${ROUNDS}, median shown`)
console.log(`raw pdf.js text + operator list: ${rawMs.toFixed(0)} ms, ${(pages / (rawMs / 1000)).toFixed(1)} pages/s`)
console.log(`perfplan import:                 ${importMs.toFixed(0)} ms, ${(pages / (importMs / 1000)).toFixed(1)} pages/s`)
console.log(`ratio import / raw: ${(importMs / rawMs).toFixed(2)}x`)

// One table without borders over many pages (fixtures/tables): each page adds rows to the
// same table, whose columns are worked out again; the cost must stay in line with the pages.
const long = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/tables/long-table-borderless.pdf', import.meta.url))))
const longFile = { name: 'long-table-borderless.pdf', bytes: long }
const longPages = (await getDocument({ data: long.slice(), verbosity: 0 }).promise).numPages
await timed(raw, [longFile])
await timed(full, [longFile])
const longRaw = []
const longImport = []
for (let round = 0; round < ROUNDS; round++) {
  longRaw.push(await timed(raw, [longFile]))
  longImport.push(await timed(full, [longFile]))
}
const [longRawMs, longImportMs] = [median(longRaw), median(longImport)]
console.log(`one ${longPages}-page table without borders: raw ${longRawMs.toFixed(0)} ms, import ${longImportMs.toFixed(0)} ms, ratio ${(longImportMs / longRawMs).toFixed(2)}x`)
console.log(`peak memory (max RSS of the process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)

// One long document, read the three ways the command line reads it. The seed's Calc export
// repeated: 42 and 402 pages.
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
    const ways = { raw, tables, audit, import: importWithWorkbook }
    for (const way of Object.values(ways)) await way(file) // warm-up
    const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]))
    for (let round = 0; round < LONG_ROUNDS; round++) {
      for (const [way, run] of Object.entries(ways)) times[way].push(await timed(run, [file]))
    }
    const ms = Object.fromEntries(Object.entries(times).map(([way, values]) => [way, median(values)]))
    // The fastest run of each is the one the machine's other work disturbed least.
    const fastest = Object.fromEntries(Object.entries(times).map(([way, values]) => [way, Math.min(...values)]))
    console.log(`${count} pages (the seed's Calc export x ${copies}), same process, alternating, ${LONG_ROUNDS} rounds, median and fastest:`)
    console.log(`  raw pdf.js:      ${ms.raw.toFixed(0).padStart(6)} ms${fastest.raw.toFixed(0).padStart(23)} ms`)
    for (const way of ['tables', 'audit', 'import']) {
      console.log(`  perfplan ${way.padEnd(7)}${ms[way].toFixed(0).padStart(6)} ms, ratio ${(ms[way] / ms.raw).toFixed(2)}x; ${fastest[way].toFixed(0).padStart(6)} ms, ratio ${(fastest[way] / fastest.raw).toFixed(2)}x`)
    }
    const rawPeak = peakOf([rawScript, path])
    rmSync(out, { recursive: true, force: true })
    const importPeak = peakOf([bin, 'import', path, '--out', out, '--quiet'])
    console.log(`  peak memory, each its own process: raw pdf.js ${rawPeak.toFixed(0)} MiB, perfplan import ${importPeak.toFixed(0)} MiB (+${(importPeak - rawPeak).toFixed(0)} MiB)`)
    mkdirSync(out, { recursive: true })
  }
} finally {
  await pool.close()
  removeWork()
}
