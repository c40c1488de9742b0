// Benchmark of a whole archive: N documents made from the bundled fixtures (every format,
// copied round-robin into folders of their own) imported by `perfplan import` with 1 worker
// and with 2, as separate commands. Prints documents/s, pages/s, the speed-up of 2 workers,
// and the peak memory of the whole process (every worker thread included) for 100 and for
// 1,000 documents. Run: npm run bench (builds first); BENCH_DOCUMENTS=100,1000 to change sizes.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workFolder } from './work-folder.js'

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, '..', 'bin', 'perfplan.js')
const plans = join(here, '..', 'fixtures', 'plans')
const sizes = (process.env.BENCH_DOCUMENTS ?? '100,1000').split(',').map(Number)
const workers = [1, 2]

function fixtureFiles() {
  return readdirSync(plans, { recursive: true })
    .map(String)
    .filter((name) => /\.(pdf|docx|html|xlsx)$/.test(name))
    .sort()
}

/** Every archive and output of the run, removed at the end, on an error and on Ctrl+C. */
const { path: work, remove: removeWork } = workFolder('perfplan-bench-archive-')

/** A folder of `count` documents: the fixtures over and over, each copy in its own folder. */
function makeArchive(count) {
  const files = fixtureFiles()
  const root = mkdtempSync(join(work, 'archive-'))
  for (let i = 0; i < count; i++) {
    const name = files[i % files.length]
    const target = join(root, `copia-${String(Math.floor(i / files.length)).padStart(3, '0')}`, name)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(join(plans, name), target)
  }
  return root
}

/** Runs one import as its own process; gives wall time, peak RSS and the pages read. */
function importArchive(root, threads) {
  const out = mkdtempSync(join(work, 'out-'))
  const peakFile = `${out}.peak`
  const started = process.hrtime.bigint()
  const run = spawnSync('node', ['--import', join(here, 'peak-rss.js'), bin, 'import', root, '--out', out, '--concurrency', String(threads), '--quiet'], {
    env: { ...process.env, PERFPLAN_PEAK_FILE: peakFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (run.status !== 0 && run.status !== 1) throw new Error(`perfplan exited ${run.status}: ${run.stderr}`)
  const batch = JSON.parse(readFileSync(join(out, 'batch.json'), 'utf8'))
  let pages = 0
  for (const file of batch.files) {
    if (file.status !== 'ok') continue
    pages += JSON.parse(readFileSync(join(out, `${file.file}.json`), 'utf8')).source.pages ?? 0
  }
  const peak = Number(readFileSync(peakFile, 'utf8')) / 1024
  rmSync(out, { recursive: true, force: true })
  rmSync(peakFile, { force: true })
  return { ms, peak, pages, documents: batch.totals.files, failed: batch.totals.failed }
}

const results = []
try {
  for (const size of sizes) {
    const root = makeArchive(size)
    for (const threads of workers) results.push({ size, threads, ...importArchive(root, threads) })
    rmSync(root, { recursive: true, force: true })
  }
} finally {
  removeWork()
}

console.log(`archive: the ${fixtureFiles().length} bundled fixture files (pdf, docx, html, xlsx) copied round-robin`)
for (const r of results) {
  const seconds = r.ms / 1000
  console.log(
    `${String(r.size).padStart(5)} documents, ${r.threads} worker${r.threads === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s, ` +
      `${(r.documents / seconds).toFixed(2)} documents/s, ${(r.pages / seconds).toFixed(1)} pages/s, peak ${r.peak.toFixed(0)} MiB` +
      (r.failed ? ` (${r.failed} failed)` : ''),
  )
}
for (const size of sizes) {
  const [one, two] = workers.map((threads) => results.find((r) => r.size === size && r.threads === threads))
  console.log(`speed-up with 2 workers, ${size} documents: ${(one.ms / two.ms).toFixed(2)}x`)
}
if (sizes.length >= 2) {
  const small = sizes[0]
  const large = sizes.at(-1)
  for (const threads of workers) {
    const a = results.find((r) => r.size === small && r.threads === threads)
    const b = results.find((r) => r.size === large && r.threads === threads)
    console.log(`peak memory ${large} / ${small} documents, ${threads} worker${threads === 1 ? '' : 's'}: ${(b.peak / a.peak).toFixed(2)}x`)
  }
}
