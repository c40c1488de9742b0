import { execFile } from 'node:child_process'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from './helpers/fixtures.js'
import { bin, filesUnder, perfplan, removeTempDirs, tempDir } from './helpers/cli.js'

afterAll(removeTempDirs)

const GOOD = ['plans/seed-2024/programmazione-2024.html', 'plans/montevecchio-2025/piano-performance-2025.xlsx', 'plans/seed-2024/programmazione-2024.docx', 'plans/valdoria-2024/piano-performance-2024.pdf']

interface Batch {
  state: string
  files: { file: string; status: string; rule?: string; message?: string }[]
  ignored: { path: string; reason: string }[]
}

let root: string
let out: string
let batch: Batch
let code: number
let peakMiB: number

beforeAll(async () => {
  root = await tempDir()
  await promisify(execFile)('node', [fixture('bad/make-bad.mjs'), root])
  await mkdir(join(root, 'buoni'))
  for (const name of GOOD) await copyFile(fixture(name), join(root, 'buoni', name.split('/').pop() as string))
  out = await tempDir()
  // Beside the outputs, not among them: its own temporary folder, removed with the others.
  const peakFile = join(await tempDir(), 'peak')
  const preload = fileURLToPath(new URL('../bench/peak-rss.js', import.meta.url))
  try {
    await promisify(execFile)('node', ['--import', preload, bin, 'import', root, '--out', out, '--timeout', '60', '--quiet'], { env: { ...process.env, PERFPLAN_PEAK_FILE: peakFile } })
    code = 0
  } catch (error) {
    code = (error as { code: number }).code
  }
  batch = JSON.parse(await readFile(join(out, 'batch.json'), 'utf8')) as Batch
  peakMiB = Number(await readFile(peakFile, 'utf8')) / 1024
}, 180_000)

describe('the bad corpus in one batch with good plans', () => {
  it('gives every bad file its status and rule, and imports the good ones', () => {
    expect(code).toBe(1)
    expect(batch.state).toBe('complete')
    expect(batch.files.map((file) => [file.file, file.status, file.rule ?? null])).toEqual([
      ['annidato.html', 'failed', 'TOO_LARGE'],
      ['bilancio.html', 'failed', 'NOT_A_PLAN'],
      ['bomba.docx', 'failed', 'TOO_LARGE'],
      ['bomba.pdf', 'failed', 'TOO_LARGE'],
      ['buoni/piano-performance-2024.pdf', 'ok', null],
      ['buoni/piano-performance-2025.xlsx', 'ok', null],
      ['buoni/programmazione-2024.docx', 'ok', null],
      ['buoni/programmazione-2024.html', 'ok', null],
      ['coda-dopo-eof.pdf', 'ok', null],
      ['dichiarato-utf8.html', 'ok', null],
      ['elenco-enorme.html', 'failed', 'TOO_LARGE'],
      ['griglia.pdf', 'failed', 'TOO_LARGE'],
      ['piani.zip', 'failed', 'UNSUPPORTED_FORMAT'],
      ['righe.xlsx', 'failed', 'TOO_LARGE'],
      ['senza-eof.pdf', 'ok', null],
      ['troncato.docx', 'failed', 'UNREADABLE'],
      ['troncato.pdf', 'failed', 'UNREADABLE'],
      ['vecchio.doc', 'failed', 'UNSUPPORTED_FORMAT'],
      ['vecchio.xls', 'failed', 'UNSUPPORTED_FORMAT'],
    ])
  })

  it('says why in one sentence each', () => {
    const message = (name: string) => batch.files.find((file) => file.file === name)?.message
    expect(message('bomba.docx')).toBe('Il file è troppo grande da leggere: la parte word/document.xml si espande da 0,4 a 256 MiB (più di 100 volte).')
    expect(message('bomba.pdf')).toBe('Il file è troppo grande da leggere: un flusso compresso di 0,2 MiB si espande oltre 128 MiB.')
    expect(message('griglia.pdf')).toBe('Il file è troppo grande da leggere: una pagina disegna una griglia di 3500 × 3500 righe e colonne (al più 250000 celle).')
    expect(message('righe.xlsx')).toBe('Il file è troppo grande da leggere: il foglio sheet1.xml occupa 41 MiB (al più 16 MiB).')
    expect(message('troncato.docx')).toBe("Il file è un archivio (.docx o .xlsx) troncato o danneggiato: manca l'indice del suo contenuto.")
    expect(message('vecchio.doc')).toBe(`Il formato .doc non si legge direttamente: convertirlo in .docx con «soffice --headless --convert-to docx --outdir ${root} ${root}/vecchio.doc» e importare il file convertito.`)
    expect(message('annidato.html')).toBe("Il file è troppo grande da leggere: la pagina annida 200002 elementi uno dentro l'altro (al più 5000).")
    expect(message('elenco-enorme.html')).toBe('Il file è troppo grande da leggere: dà 50000 obiettivi (al più 10000).')
    expect(message('bilancio.html')).toBe('Il documento non contiene né una tabella riepilogativa degli obiettivi né schede obiettivo riconoscibili.')
  })

  it('lists what is not a document, and the link that loops, as ignored', () => {
    expect(batch.ignored).toEqual([
      { path: join(root, 'cartella/giro'), reason: 'collegamento a una cartella già letta' },
      { path: join(root, 'leggimi.txt'), reason: 'non è un documento (formati letti: .pdf .docx .html .htm .xlsx)' },
    ])
  })

  it('reads a PDF without %%EOF, or with bytes after it, as the complete file', async () => {
    for (const name of ['senza-eof.pdf', 'coda-dopo-eof.pdf']) {
      const record = JSON.parse(await readFile(join(out, `${name}.json`), 'utf8'))
      expect(record.objectives.map((o: { id: string }) => o.id)).toEqual(['a', 'b', 'd'])
    }
  })

  it('re-reads a page declared UTF-8 in the encoding its bytes fit, and says so', async () => {
    const record = JSON.parse(await readFile(join(out, 'dichiarato-utf8.html.json'), 'utf8'))
    expect(record.findings.filter((f: { rule: string }) => f.rule === 'ENCODING_MISMATCH')).toEqual([
      {
        rule: 'ENCODING_MISMATCH',
        severity: 'warning',
        objectiveId: null,
        path: null,
        message: 'La pagina si dichiara in utf-8, ma i suoi byte non lo sono: è stata letta come windows-1252, la codifica a cui corrispondono.',
        found: 'utf-8',
        corrected: 'windows-1252',
        location: null,
      },
    ])
    expect(JSON.stringify(record)).not.toContain('\uFFFD')
    expect(record.objectives.map((o: { id: string }) => o.id)).toEqual(['a', 'b', 'd'])
  })

  it('imports the good plans byte-identical to importing them alone', async () => {
    // The same names as in the batch («buoni/…»): a folder holding only the good plans.
    const input = await tempDir()
    await mkdir(join(input, 'buoni'))
    for (const name of GOOD) await copyFile(fixture(name), join(input, 'buoni', name.split('/').pop() as string))
    const alone = await tempDir()
    await perfplan(['import', input, '--out', alone, '--quiet'])
    const names = (await filesUnder(alone)).filter((name) => name !== 'batch.json')
    expect(names.length).toBe(8)
    expect(names.every((name) => name.startsWith('buoni/'))).toBe(true)
    for (const name of names) expect((await readFile(join(out, name))).equals(await readFile(join(alone, name))), name).toBe(true)
  })

  it('stays under 1.5 GB of memory and leaves no temporary file', async () => {
    expect(peakMiB).toBeLessThan(1536)
    expect((await filesUnder(out)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('formula references to sheets', () => {
  it('quote a sheet name and double its apostrophes', async () => {
    const { sheetName, sheetRef } = await import('../src/emit/workbook/cells.js')
    const name = sheetName("Obiettivo l'a", new Set())
    expect(name).toBe("Obiettivo l'a")
    expect(sheetRef(name)).toBe("'Obiettivo l''a'")
    expect(sheetName("'Obiettivo'", new Set())).toBe('Obiettivo')
  })
})
