import { readFile, readdir, writeFile, copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { fixture } from './helpers/fixtures.js'
import { perfplan as run, removeTempDirs, tempDir, type Run } from './helpers/cli.js'

async function perfplan(...args: string[]): Promise<Run> {
  return run(args)
}

afterAll(removeTempDirs)

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
      'programmazione-2024-borderless-calc.pdf.json',
      'programmazione-2024-borderless-chromium.pdf.json',
      'programmazione-2024-borderless-word.pdf.json',
      'programmazione-2024-borderless.pdf.json',
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
    expect(batch.totals).toMatchObject({ files: 13, ok: 13, failed: 0 })
    // import writes the corrected workbook beside each record
    // an .xlsx input's workbook is named apart from it
    expect((await readdir(out)).filter((name) => name.startsWith('programmazione-2024.xlsx'))).toEqual(['programmazione-2024.xlsx.corretto.xlsx', 'programmazione-2024.xlsx.json'])
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

  it.each(['programmazione-2024.docx', 'programmazione-2024-borderless-chromium.pdf'])('gives byte-identical JSON for the same input (%s)', async (name) => {
    const [one, two] = [await tempDir(), await tempDir()]
    await perfplan('import', fixture(`plans/seed-2024/${name}`), '--out', one)
    await perfplan('import', fixture(`plans/seed-2024/${name}`), '--out', two)
    const a = await readFile(join(one, `${name}.json`))
    const b = await readFile(join(two, `${name}.json`))
    expect(a.length).toBeGreaterThan(10_000)
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

describe('perfplan audit', () => {
  it('writes the records, batch.json and a readable report, and no workbooks', async () => {
    const out = await tempDir()
    const run = await perfplan('audit', fixture('plans/montevecchio-2025/piano-performance-2025.xlsx'), '--out', out)
    expect(run.code).toBe(0)
    expect((await readdir(out)).sort()).toEqual(['audit.html', 'audit.md', 'batch.json', 'obiettivi.csv', 'piano-performance-2025.xlsx.json', 'rilievi.csv'])
    const report = await readFile(join(out, 'audit.md'), 'utf8')
    expect(report.split('\n').slice(0, 7)).toEqual([
      '# Audit dei piani della performance',
      '',
      'Documenti: 1 (importati 1, non importati 0). Rilievi: 8 errori, 1 avviso, 23 informazioni.',
      '',
      '## piano-performance-2025.xlsx',
      '',
      'Comune: Montevecchio; anno: 2025; obiettivi: 6.',
    ])
    expect(report).toContain('| error | SCORE_MISMATCH | 4 | foglio 5, cella F13 | L\'Esito Pesatura stampato è 18, ma le valutazioni danno 16. | 18 | 16 |')
  })
})

describe('settings files', () => {
  it('--areas adds the comune\'s own areas: the unknown office becomes a known area', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'aree.json'), JSON.stringify([{ id: 'cultura', label: 'CULTURA', variants: ['Ufficio Cultura e Turismo'] }]))
    const out = await tempDir()
    expect((await perfplan('audit', fixture('plans/montevecchio-2025/piano-performance-2025.xlsx'), '--out', out, '--areas', join(dir, 'aree.json'))).code).toBe(0)
    const record = JSON.parse(await readFile(join(out, 'piano-performance-2025.xlsx.json'), 'utf8'))
    expect(record.findings.filter((f: { rule: string }) => f.rule === 'AREA_UNKNOWN')).toEqual([])
    expect(record.areas.at(-1)).toEqual({ area: 'cultura', label: 'CULTURA', objectives: 1, absoluteWeight: 1.8 })
  })

  it('--scheme changes the points: under 3/2/1 with nothing inverted, the seed\'s scores contradict their ratings', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'schema.json'), JSON.stringify({ points: { alto: 3, medio: 2, basso: 1 }, inverted: [] }))
    const out = await tempDir()
    await perfplan('audit', fixture('plans/seed-2024/programmazione-2024.xlsx'), '--out', out, '--scheme', join(dir, 'schema.json'))
    const record = JSON.parse(await readFile(join(out, 'programmazione-2024.xlsx.json'), 'utf8'))
    expect(record.findings.filter((f: { rule: string }) => f.rule === 'SCORE_MISMATCH').map((f: { objectiveId: string; found: number; corrected: number }) => [f.objectiveId, f.found, f.corrected])).toEqual([
      ['b', 14, 9],
      ['d', 20, 10],
    ])
  })

  it('a bad settings file is a usage error naming what is wrong (exit 2)', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'schema.json'), JSON.stringify({ points: { alto: 'cinque' } }))
    const run = await perfplan('import', fixture('plans/seed-2024/programmazione-2024.xlsx'), '--out', dir, '--scheme', join(dir, 'schema.json'))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`invalid weighting scheme ${join(dir, 'schema.json')}: Invalid input: expected number, received string at points.alto`)
  })
})

describe('usage errors', () => {
  it.each([
    [['import'], 'import needs at least one file or folder'],
    [['import', 'no/such/dir'], 'no such file or directory: no/such/dir'],
    [['import', '.', '--colour'], 'unknown option --colour'],
    [['import', '.', '--concurency', '4'], 'unknown option --concurency (did you mean --concurrency?)'],
    [['import', '.', '--skip-exisiting'], 'unknown option --skip-exisiting (did you mean --skip-existing?)'],
    [['improt', '.'], 'unknown command improt (did you mean import?)'],
    [['frobnicate'], 'unknown command frobnicate'],
    [['import', '.', '--concurrency', '0'], '--concurrency takes a whole number from 1 up, not "0"'],
    [['import', '.', '--out'], '--out needs a value'],
  ])('%j exits 2 with one line and the way to the help', async (args, message) => {
    const run = await perfplan(...args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`perfplan: ${message}\nRun "perfplan --help" for the usage.\n`)
  })

  it('--version prints the package\'s version, --help the usage', async () => {
    const pkg = JSON.parse(await readFile(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'))
    expect(await perfplan('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    const help = await perfplan('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage:\n  perfplan import <file\|dir\|"glob">\.\.\./)
  })
})

describe('perfplan tables', () => {
  it('prints the tables as read, as CSV with --csv', async () => {
    const run = await perfplan('tables', fixture('plans/seed-2024/programmazione-2024.xlsx'), '--csv')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Comune di:,,Programmazione Obiettivi di Performance 2024,,Unità Organizzativa,',
      ',,Descrizione,Cod.,CdR Coinvolti,',
    ])
  })

  it('--csv keeps a title that looks like a formula as text', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'piano.html'), '<table><tr><td>Obiettivo</td><td>=HYPERLINK("http://x","clic")</td></tr><tr><td>-2</td><td>@SUM(A1)</td></tr></table>')
    const run = await perfplan('tables', join(dir, 'piano.html'), '--csv')
    expect(run.stdout).toBe('Obiettivo,"\'=HYPERLINK(""http://x"",""clic"")"\n\'-2,\'@SUM(A1)\n')
  })

  it('shows each table\'s caption and header rows', async () => {
    const run = await perfplan('tables', fixture('plans/monteferro-2023/piano-2023.html'))
    const tables = JSON.parse(run.stdout) as { table: number; caption: string | null; headerRows: number; rows: string[][] }[]
    expect(tables.map((t) => [t.table, t.caption, t.headerRows, t.rows[1]])).toEqual([
      [1, null, 0, undefined],
      [2, null, 0, undefined],
      [3, 'Indicatore 1.1', 0, ['Codice', '1.1']],
      [4, 'Indicatore 1.2', 0, ['Codice', '1.2']],
      [5, 'Indicatore 2.1', 0, ['Codice', '2.1']],
    ])
  })
})

describe('errors outside the documents', () => {
  it('`tables` on a file that gives no document says why, in one line (exit 1)', async () => {
    const run = await perfplan('tables', fixture('edge/encrypted.pdf'))
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('perfplan: UNREADABLE: Il file PDF è protetto da password: va aperto senza password o esportato di nuovo.\n')
  })

  it('an output folder that cannot be made is reported in one line (exit 2)', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'occupied'), 'a file where the folder should go')
    const run = await perfplan('import', fixture('plans/seed-2024/programmazione-2024.html'), '--out', join(dir, 'occupied', 'out'))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^perfplan: ENOTDIR: not a directory, mkdir '.*occupied\/out'\n$/)
  })
})

describe('perfplan schema', () => {
  it('prints a JSON Schema of the record with its fixed fields', async () => {
    const schema = JSON.parse((await perfplan('schema')).stdout)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.required).toEqual(['schemaVersion', 'source', 'plan', 'summary', 'objectives', 'areas', 'findings'])
  })
})
