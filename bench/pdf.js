// Benchmark of the PDF import: pages per second of `importBytes` (read, interpret,
// reconcile, validate) against raw pdf.js text and operator-list extraction of the same
// pages, measured in the same process, alternating runs. Peak memory is the process's
// maximum resident set size. Then the long documents, 42 and 402 pages read as the command
// line reads them, in a process of their own (bench/pdf-long.js). Run: npm run bench (builds
// first).
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// perfplan first: it loads pdf.js as the command line does (see src/readers/pdf/pdfjs.ts),
// and the baseline then runs in the same process with the same pdf.js.
import { importBytes } from '../dist/index.js'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { extractRaw } from './raw-pdf.js'

const MIN_PAGES = 200
const ROUNDS = 3
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

// The long documents, in a process of their own: this one's heap holds what the runs above
// left, which would weigh on whatever runs in its main thread and not on a worker's.
const longDocuments = spawnSync('node', [fileURLToPath(new URL('./pdf-long.js', import.meta.url))], { stdio: 'inherit' })
if (longDocuments.status !== 0) process.exit(longDocuments.status ?? 1)
