import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from './helpers/fixtures.js'
import { filesUnder, perfplan, removeTempDirs, startPerfplan, tempDir } from './helpers/cli.js'
import { availableParallelism } from 'node:os'
import { workerCount } from '../src/batch/run.js'

afterAll(removeTempDirs)

interface BatchFile {
  file: string
  status: string
  rule?: string
  skipped?: boolean
}
interface Batch {
  state: string
  files: BatchFile[]
  unfinished: string[]
  totals: { files: number; ok: number; failed: number; skipped: number }
}

async function batchOf(out: string): Promise<Batch> {
  return JSON.parse(await readFile(join(out, 'batch.json'), 'utf8')) as Batch
}

async function copyInto(root: string, target: string, source: string): Promise<void> {
  await mkdir(dirname(join(root, target)), { recursive: true })
  await copyFile(source, join(root, target))
}

/** The bundled plans' files (every format), in name order. */
async function planFiles(): Promise<string[]> {
  return (await filesUnder(fixture('plans'))).filter((name) => /\.(pdf|docx|html|xlsx)$/.test(name))
}

/**
 * An archive of 50 files: 45 plans in their folders, two plans both named piano.html in
 * folders a/ and b/, and three broken files.
 */
async function archive(): Promise<string> {
  const root = await tempDir()
  for (const name of (await planFiles()).slice(0, 45)) await copyInto(root, `archivio/${name}`, fixture(`plans/${name}`))
  await copyInto(root, 'a/piano.html', fixture('plans/seed-2024/programmazione-2024.html'))
  await copyInto(root, 'b/piano.html', fixture('plans/montevecchio-2025/piano-performance-2025.html'))
  for (const name of ['empty.pdf', 'truncated.pdf', 'scan.pdf']) await copyInto(root, `guasti/${name}`, fixture(`edge/${name}`))
  return root
}

describe('an archive of 50 files', () => {
  let root: string
  let out: string
  let run: Awaited<ReturnType<typeof perfplan>>
  beforeAll(async () => {
    root = await archive()
    out = await tempDir()
    run = await perfplan(['import', root, '--out', out])
  }, 180_000)

  it('imports 47, fails the 3 broken ones with their rules, and exits 1', async () => {
    expect(run.code).toBe(1)
    const batch = await batchOf(out)
    expect(batch.state).toBe('complete')
    expect(batch.totals).toMatchObject({ files: 50, ok: 47, failed: 3, skipped: 0 })
    expect(batch.files.filter((file) => file.status === 'failed').map((file) => [file.file, file.rule])).toEqual([
      ['guasti/empty.pdf', 'UNREADABLE'],
      ['guasti/scan.pdf', 'NO_TEXT_LAYER'],
      ['guasti/truncated.pdf', 'UNREADABLE'],
    ])
  })

  it('keeps the two piano.html apart, each with its own record', async () => {
    const a = JSON.parse(await readFile(join(out, 'a/piano.html.json'), 'utf8'))
    const b = JSON.parse(await readFile(join(out, 'b/piano.html.json'), 'utf8'))
    expect([a.source.file, a.objectives.map((o: { id: string }) => o.id), b.source.file, b.plan.comune]).toEqual(['a/piano.html', ['a', 'b', 'd'], 'b/piano.html', 'Montevecchio'])
    expect(await readdir(join(out, 'a'))).toEqual(['piano.html.json', 'piano.html.xlsx'])
  })

  it('leaves no partial or temporary file, and nothing for the broken files', async () => {
    const written = await filesUnder(out)
    expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(written.filter((name) => name.startsWith('guasti/'))).toEqual([])
    // one record and one workbook per imported file, plus batch.json
    expect(written.length).toBe(47 * 2 + 1)
  })

  it('ends with a summary on stderr: counts, the worst documents, where the outputs are', () => {
    const lines = run.stderr.split('\n')
    expect(lines).toContain('guasti/empty.pdf: UNREADABLE: Il file è vuoto.')
    expect(run.stderr).toMatch(/^50 files: 47 imported, 3 failed in \d+\.\d s \(\d+\.\d files\/s\)$/m)
    expect(lines).toContain('worst documents:')
    expect(lines).toContain('  ✗ guasti/empty.pdf  UNREADABLE: Il file è vuoto.')
    expect(lines.at(-2)).toBe(`outputs: ${out}/batch.json`)
  })

  it('gives byte-identical records and workbooks with --concurrency 1', async () => {
    const single = await tempDir()
    expect((await perfplan(['import', root, '--out', single, '--concurrency', '1', '--quiet'])).code).toBe(1)
    const names = (await filesUnder(out)).filter((name) => name !== 'batch.json')
    expect(await filesUnder(single)).toEqual(await filesUnder(out))
    for (const name of names) expect((await readFile(join(single, name))).equals(await readFile(join(out, name))), name).toBe(true)
  })
})

describe('naming inputs', () => {
  it('two files of the same name given as two arguments get the folders they came from', async () => {
    const root = await tempDir()
    await copyInto(root, 'a/piano.html', fixture('plans/seed-2024/programmazione-2024.html'))
    await copyInto(root, 'b/piano.html', fixture('plans/montevecchio-2025/piano-performance-2025.html'))
    const out = await tempDir()
    expect((await perfplan(['import', join(root, 'a/piano.html'), join(root, 'b/piano.html'), '--out', out])).code).toBe(0)
    expect((await batchOf(out)).files.map((file) => file.file)).toEqual(['a/piano.html', 'b/piano.html'])
  })

  it('the same file given twice is imported once', async () => {
    const out = await tempDir()
    const file = fixture('plans/seed-2024/programmazione-2024.html')
    await perfplan(['import', file, file, dirname(file) + '/../seed-2024/programmazione-2024.html', '--out', out])
    expect((await batchOf(out)).files.map((entry) => entry.file)).toEqual(['programmazione-2024.html'])
  })

  it('expands a quoted glob pattern', async () => {
    const root = await tempDir()
    await copyInto(root, 'a/piano.html', fixture('plans/seed-2024/programmazione-2024.html'))
    await copyInto(root, 'b/piano.html', fixture('plans/montevecchio-2025/piano-performance-2025.html'))
    await copyInto(root, 'b/altro.docx', fixture('plans/seed-2024/programmazione-2024.docx'))
    const out = await tempDir()
    expect((await perfplan(['import', `${root}/*/piano.html`, '--out', out])).code).toBe(0)
    expect((await batchOf(out)).files.map((file) => file.file)).toEqual(['a/piano.html', 'b/piano.html'])
  })

  it('never reads its own output folder: `import .` twice gives what once gives', async () => {
    const root = await tempDir()
    await copyInto(root, 'piano.xlsx', fixture('plans/seed-2024/programmazione-2024.xlsx'))
    await copyInto(root, '2023/piano.docx', fixture('plans/seed-2024/programmazione-2024.docx'))
    await perfplan(['import', '.', '--quiet'], { cwd: root })
    const once = await filesUnder(root)
    const record = await readFile(join(root, 'out/piano.xlsx.json'))
    await perfplan(['import', '.', '--quiet'], { cwd: root })
    expect(await filesUnder(root)).toEqual(once)
    expect(once).toEqual(['2023/piano.docx', 'out/2023/piano.docx.json', 'out/2023/piano.docx.xlsx', 'out/batch.json', 'out/piano.xlsx.corretto.xlsx', 'out/piano.xlsx.json', 'piano.xlsx'])
    expect((await readFile(join(root, 'out/piano.xlsx.json'))).equals(record)).toBe(true)
    expect((await batchOf(join(root, 'out'))).files.map((file) => file.file)).toEqual(['2023/piano.docx', 'piano.xlsx'])
  })

  it('reads a file whose name is not UTF-8 (Latin-1 bytes), naming its outputs as Latin-1', async () => {
    const root = await tempDir()
    await writeFile(Buffer.concat([Buffer.from(`${root}/`), Buffer.from('piano-attività.html', 'latin1')]), await readFile(fixture('plans/seed-2024/programmazione-2024.html')))
    const out = await tempDir()
    expect((await perfplan(['import', root, '--out', out, '--quiet'])).code).toBe(0)
    expect((await batchOf(out)).files.map((file) => [file.file, file.status])).toEqual([['piano-attività.html', 'ok']])
    expect(JSON.parse(await readFile(join(out, 'piano-attività.html.json'), 'utf8')).objectives.map((o: { id: string }) => o.id)).toEqual(['a', 'b', 'd'])
  })

  it('a folder with nothing it reads is an error naming the conversion that makes its files readable', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'piano 2019.doc'), 'old Word')
    await writeFile(join(root, 'pesi.ods'), 'old Calc')
    await writeFile(join(root, 'note.txt'), 'notes')
    const run = await perfplan(['import', root, '--out', await tempDir()])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')).toEqual([
      `perfplan: nothing to import in ${root}: no .pdf, .docx, .html, .htm, .xlsx file`,
      `  soffice --headless --convert-to xlsx --outdir ${root} ${root}/pesi.ods`,
      `  soffice --headless --convert-to docx --outdir ${root} '${root}/piano 2019.doc'`,
      '(perfplan reads .pdf .docx .html .htm .xlsx; the commands above convert what was found)',
      '',
    ])
  })
})

describe('a run that says what happened', () => {
  it('--json prints batch.json on stdout; --quiet leaves stderr empty', async () => {
    const out = await tempDir()
    const run = await perfplan(['import', fixture('plans/seed-2024/programmazione-2024.html'), '--out', out, '--json', '--quiet'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual(await batchOf(out))
  })

  it('--strict says why it exits 1', async () => {
    const run = await perfplan(['import', fixture('plans/seed-2024/programmazione-2024.html'), '--out', await tempDir(), '--strict'])
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n').at(-2)).toBe('perfplan: --strict: 1 document has error findings (1 in all), so the exit status is 1')
  })
})

describe('worker threads', () => {
  it('are --concurrency, or one per core, and never more than the documents', () => {
    expect(workerCount(4, 1)).toBe(1)
    expect(workerCount(4, 3)).toBe(3)
    expect(workerCount(2, 50)).toBe(2)
    expect(workerCount(undefined, 1)).toBe(1)
    expect(workerCount(undefined, 1000)).toBe(availableParallelism())
    expect(workerCount(0, 5)).toBe(1)
  })
})

describe('per-document guards', () => {
  /** A page with a table of 300,000 rows: far more than one document should take. */
  async function hugePage(root: string): Promise<void> {
    const rows = Array.from({ length: 300_000 }, (_, i) => `<tr><td>Voce ${i}</td><td>${i}</td></tr>`).join('')
    await writeFile(join(root, 'enorme.html'), `<html><body><table><tr><th>Codice</th><th>Descrizione</th></tr>${rows}</table></body></html>`)
    await copyInto(root, 'piano.html', fixture('plans/seed-2024/programmazione-2024.html'))
  }

  it.each([
    // 4 seconds: the seed's page takes a fraction of one even on a busy machine, the huge page about 20.
    [['--timeout', '4'], 'TIMEOUT', 'La lettura ha superato il tempo massimo di 4 secondi (--timeout).'],
    [['--max-memory', '64'], 'OUT_OF_MEMORY', 'La lettura ha superato la memoria massima di 64 MB (--max-memory).'],
    [['--max-size', '1'], 'TOO_LARGE', 'Il file è di 12,4 MB, oltre il limite di 1 MB (--max-size).'],
  ])('%j fails that document only, with its rule', async (flags, rule, message) => {
    const root = await tempDir()
    await hugePage(root)
    const out = await tempDir()
    const run = await perfplan(['import', root, '--out', out, ...flags])
    expect(run.code).toBe(1)
    expect((await batchOf(out)).files.map((file) => [file.file, file.status, file.rule ?? null])).toEqual([
      ['enorme.html', 'failed', rule],
      ['piano.html', 'ok', null],
    ])
    expect(run.stderr).toContain(`enorme.html: ${rule}: ${message}`)
  })
})

describe('interrupting and resuming', () => {
  it('SIGINT leaves no temporary file and a batch.json that says which files finished', async () => {
    const root = await tempDir()
    const names = (await planFiles()).slice(0, 24)
    for (const name of names) await copyInto(root, name, fixture(`plans/${name}`))
    const out = await tempDir()
    const child = startPerfplan(['import', root, '--out', out, '--concurrency', '1'])
    const exited = once(child, 'exit')
    // Wait for the first files to be recorded as finished, then interrupt.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const text = await readFile(join(out, 'batch.json'), 'utf8').catch(() => '')
      if (text && (JSON.parse(text) as Batch).files.length >= 2) break
    }
    child.kill('SIGINT')
    const [code] = await exited
    expect(code).toBe(130)
    const batch = await batchOf(out)
    expect(batch.state).toBe('interrupted')
    expect(batch.unfinished.length).toBeGreaterThan(0)
    expect([...batch.files.map((file) => file.file), ...batch.unfinished].sort()).toEqual(names)
    const written = await filesUnder(out)
    expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([])
    for (const file of batch.files) expect(written).toContain(`${file.file}.json`)
    for (const name of batch.unfinished) expect(written).not.toContain(`${name}.json`)
  })

  it('--skip-existing reads nothing again when the outputs name the same bytes, and re-reads a changed file', async () => {
    const root = await tempDir()
    await copyInto(root, 'uno.html', fixture('plans/seed-2024/programmazione-2024.html'))
    await copyInto(root, 'due.docx', fixture('plans/seed-2024/programmazione-2024.docx'))
    const out = await tempDir()
    await perfplan(['import', root, '--out', out])
    const before = await Promise.all(['uno.html.json', 'uno.html.xlsx', 'due.docx.json'].map(async (name) => (await stat(join(out, name))).mtimeMs))
    const again = await perfplan(['import', root, '--out', out, '--skip-existing'])
    expect(again.code).toBe(0)
    expect((await batchOf(out)).files.map((file) => [file.file, file.skipped ?? false])).toEqual([
      ['due.docx', true],
      ['uno.html', true],
    ])
    expect(again.stderr).toMatch(/^2 files: 0 imported, 0 failed, 2 kept from an earlier run/m)
    const after = await Promise.all(['uno.html.json', 'uno.html.xlsx', 'due.docx.json'].map(async (name) => (await stat(join(out, name))).mtimeMs))
    expect(after).toEqual(before)
    await copyFile(fixture('plans/montevecchio-2025/piano-performance-2025.html'), join(root, 'uno.html'))
    await perfplan(['import', root, '--out', out, '--skip-existing'])
    expect((await batchOf(out)).files.map((file) => [file.file, file.skipped ?? false])).toEqual([
      ['due.docx', true],
      ['uno.html', false],
    ])
    expect(JSON.parse(await readFile(join(out, 'uno.html.json'), 'utf8')).plan.comune).toBe('Montevecchio')
  })
})
