import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, writeFile, copyFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { fixture } from './helpers/fixtures.js'

const bin = fileURLToPath(new URL('../bin/perfplan.js', import.meta.url))

/** Runs the built command line; never rejects, gives the exit code and the streams. */
async function perfplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { maxBuffer: 1 << 26 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'perfplan-'))
}

describe('perfplan import', () => {
  it('writes one JSON per fixture that validates against `perfplan schema`, and batch.json', async () => {
    const out = await tempDir()
    const run = await perfplan('import', fixture('plans/seed-2024'), '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const schema = JSON.parse((await perfplan('schema')).stdout)
    const validate = new Ajv2020({ strict: false }).compile(schema)
    const written = (await readdir(out)).filter((name) => name.endsWith('.json') && name !== 'batch.json').sort()
    expect(written).toEqual([
      'programmazione-2024-calc.pdf.json',
      'programmazione-2024-chromium.pdf.json',
      'programmazione-2024-pagebreak.pdf.json',
      'programmazione-2024-portale.html.json',
      'programmazione-2024-rotated.pdf.json',
      'programmazione-2024-writer.pdf.json',
      'programmazione-2024.docx.json',
      'programmazione-2024.html.json',
      'programmazione-2024.xlsx.json',
    ])
    for (const name of written) {
      const record = JSON.parse(await readFile(join(out, name), 'utf8'))
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
      expect(record.source.file).toBe(name.replace(/\.json$/, ''))
    }
    const batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8'))
    expect(batch.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual(
      written.map((name) => [name.replace(/\.json$/, ''), 'ok']),
    )
    expect(batch.totals).toMatchObject({ files: 9, ok: 9, failed: 0 })
    // import writes the corrected workbook beside each record
    expect((await readdir(out)).filter((name) => name.endsWith('.xlsx.xlsx'))).toEqual(['programmazione-2024.xlsx.xlsx'])
  })

  it('reads a mislabelled file for what it is, fails an empty one with UNREADABLE and goes on (exit 1)', async () => {
    const out = await tempDir()
    const run = await perfplan('import', fixture('edge'), '--out', out)
    expect(run.code).toBe(1)
    const batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8'))
    const byFile = Object.fromEntries(batch.files.map((f: { file: string }) => [f.file, f]))
    expect(byFile['empty.pdf']).toMatchObject({ status: 'failed', rule: 'UNREADABLE', message: 'Il file è vuoto.' })
    expect(byFile['html-named.pdf']).toMatchObject({ status: 'ok' })
    const record = JSON.parse(await readFile(join(out, 'html-named.pdf.json'), 'utf8'))
    expect(record.source.format).toBe('html')
    expect(record.objectives.map((o: { id: string }) => o.id)).toEqual(['a', 'b', 'd'])
    expect(await readdir(out)).not.toContain('empty.pdf.json')
    expect(run.stderr).toContain('empty.pdf: UNREADABLE: Il file è vuoto.')
  })

  it('gives byte-identical JSON for the same input', async () => {
    const [one, two] = [await tempDir(), await tempDir()]
    await perfplan('import', fixture('plans/seed-2024/programmazione-2024.docx'), '--out', one)
    await perfplan('import', fixture('plans/seed-2024/programmazione-2024.docx'), '--out', two)
    const a = await readFile(join(one, 'programmazione-2024.docx.json'))
    const b = await readFile(join(two, 'programmazione-2024.docx.json'))
    expect(a.equals(b)).toBe(true)
  })

  it('keeps the folder structure of a walked directory under --out', async () => {
    const input = await tempDir()
    await mkdir(join(input, 'anno-2024'))
    await copyFile(fixture('plans/seed-2024/programmazione-2024.html'), join(input, 'anno-2024', 'piano.htm'))
    await writeFile(join(input, 'note.txt'), 'not a plan')
    const out = await tempDir()
    expect((await perfplan('import', input, '--out', out)).code).toBe(0)
    expect(await readdir(join(out, 'anno-2024'))).toContain('piano.htm.json')
    const batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8'))
    expect(batch.files.map((f: { file: string }) => f.file)).toEqual(['anno-2024/piano.htm'])
  })

  it('with --strict exits 1 when a document has error findings', async () => {
    const out = await tempDir()
    const run = await perfplan('import', fixture('plans/seed-2024/programmazione-2024.html'), '--out', out, '--strict')
    expect(run.code).toBe(1)
  })

  it('fails a document that holds no plan with NOT_A_PLAN', async () => {
    const input = await tempDir()
    await writeFile(join(input, 'menu.html'), '<html><body><table><tr><td>Orari</td><td>9-12</td></tr></table></body></html>')
    const out = await tempDir()
    const run = await perfplan('import', input, '--out', out)
    expect(run.code).toBe(1)
    const batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8'))
    expect(batch.files[0]).toMatchObject({ file: 'menu.html', status: 'failed', rule: 'NOT_A_PLAN' })
  })
})

describe('usage errors', () => {
  it.each([
    [['import'], 'import needs at least one file or directory'],
    [['import', 'no/such/dir'], 'no such file or directory: no/such/dir'],
    [['import', '.', '--colour'], "Unknown option '--colour'"],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['import', '.', '--concurrency', '0'], '--concurrency takes a whole number from 1 up'],
  ])('%j exits 2 with the usage', async (args, message) => {
    const run = await perfplan(...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('Usage:')
  })
})

describe('perfplan schema', () => {
  it('prints a JSON Schema of the record with its fixed fields', async () => {
    const schema = JSON.parse((await perfplan('schema')).stdout)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.required).toEqual(['schemaVersion', 'source', 'plan', 'summary', 'objectives', 'areas', 'findings'])
  })
})
