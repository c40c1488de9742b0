import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importFile } from '../src/pipeline.js'
import { readDocument } from '../src/readers/index.js'
import { collectInputs } from '../src/batch/inputs.js'
import { runBatch } from '../src/batch/run.js'
import { PerfplanError } from '../src/errors.js'
import { fixture, imported } from './helpers/fixtures.js'

const PDFS = [
  'plans/seed-2024/programmazione-2024-calc.pdf',
  'plans/seed-2024/programmazione-2024-pagebreak.pdf',
  'plans/seed-2024/programmazione-2024-rotated.pdf',
  'plans/seed-2024/programmazione-2024-writer.pdf',
  'plans/seed-2024/programmazione-2024-chromium.pdf',
] as const

describe.each(PDFS)('the seed plan printed to PDF: %s', (file) => {
  it('gives the objectives, summary and plan of the HTML and Word exports, field by field', async () => {
    const { record: html } = await imported('plans/seed-2024/programmazione-2024.html')
    const { record } = await imported(file)
    expect(record.source).toMatchObject({ format: 'pdf' })
    expect(record.plan).toEqual(html.plan)
    expect(record.summary).toEqual(html.summary)
    record.objectives.forEach((objective, i) => {
      const expected = html.objectives[i]
      for (const key of Object.keys(objective) as (keyof typeof objective)[]) expect(objective[key], `objectives[${i}].${key}`).toEqual(expected?.[key])
    })
    expect(record.objectives).toHaveLength(html.objectives.length)
    expect(record.areas).toEqual(html.areas)
  })
})

describe('PDF reading', () => {
  it('`perfplan tables` gives the exact grid of card a, merged cells included (ruled PDF from Calc)', async () => {
    const bin = fileURLToPath(new URL('../bin/perfplan.js', import.meta.url))
    const { stdout } = await promisify(execFile)('node', [bin, 'tables', fixture('plans/seed-2024/programmazione-2024-calc.pdf')], { maxBuffer: 1 << 24 })
    const tables = JSON.parse(stdout) as { page: number; rows: string[][]; merges: unknown[] }[]
    expect(tables.map((t) => `${t.page}:${t.rows.length}x${t.rows[0]?.length}`)).toEqual(['1:7x6', '2:24x11', '2:8x6', '4:30x8', '5:30x8'])
    const card = tables[1] as { rows: string[][]; merges: unknown[] }
    const empty = (n: number) => new Array<string>(n).fill('')
    expect(card.rows.slice(0, 4)).toEqual([
      ["OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2023", ...empty(10)],
      ['PERFORMANCE ORGANIZZATIVA', ...empty(8), 'N.', 'a'],
      ['COMUNE DI', ...empty(4), '0', ...empty(5)],
      ['CDR', 'Obiettivo P. Organizzativa', 'RESPONSABILE PRIMARIO:', 'TUTTI', '', 'ALTRI CDR COINVOLTI', '', 'TUTTI', '', '', ''],
    ])
    expect(card.rows.slice(13, 18)).toEqual([
      ['PESO OBIETTIVO', 'Variabili', 'RILEVANZA', '', '', 'Esito Pesatura', ...empty(5)],
      ['', 'Importanza', 'Alto', 'Medio', 'Basso', '18', ...empty(5)],
      ['', 'Impatto Esterno', 'x', ...empty(8)],
      ['', 'Complessità', 'x', ...empty(8)],
      ['', 'Realizzabilità', '', 'x', ...empty(7)],
    ])
    expect(card.rows[22]?.slice(0, 3)).toEqual(['AMMINISTRATIVO', '25%', '4,5'])
    expect(card.rows[22]?.[7]).toBe('95%\n91%\n1')
    expect(card.merges.slice(0, 4)).toEqual([
      { row: 1, column: 1, rowSpan: 1, colSpan: 11 },
      { row: 2, column: 1, rowSpan: 1, colSpan: 9 },
      { row: 3, column: 1, rowSpan: 1, colSpan: 5 },
      { row: 3, column: 6, rowSpan: 1, colSpan: 6 },
    ])
    expect(card.merges).toContainEqual({ row: 9, column: 1, rowSpan: 5, colSpan: 1 }) // «RISULTATO ATTESO»
    expect(card.merges).toContainEqual({ row: 14, column: 1, rowSpan: 5, colSpan: 1 }) // «PESO OBIETTIVO»
    expect(card.merges).toHaveLength(33)
  })

  it('keeps page headers and footers out of the tables', async () => {
    const document = await readDocument(await readFile(fixture('plans/seed-2024/programmazione-2024-pagebreak.pdf')))
    const paragraphs = document.blocks.filter((block) => block.type === 'paragraph').map((block) => `${block.location.page}: ${block.text}`)
    expect(paragraphs.slice(0, 4)).toEqual([
      '1: Programmazione Obiettivi di Performance 2024',
      '1: Pagina 1 di 6',
      '2: Programmazione Obiettivi di Performance 2024',
      '2: Pagina 2 di 6',
    ])
    expect(paragraphs).toHaveLength(12)
    const cells = document.blocks.flatMap((block) => (block.type === 'table' ? block.rows.flat().map((cell) => cell.text) : []))
    expect(cells.filter((text) => /Pagina \d/.test(text))).toEqual([])
  })

  it('joins a table that goes on over the next page, each cell keeping its own page', async () => {
    const document = await readDocument(await readFile(fixture('plans/seed-2024/programmazione-2024-calc.pdf')))
    const cardD = document.blocks.find((block) => block.type === 'table' && block.page === 5)
    expect(cardD?.type === 'table' && cardD.rows.length).toBe(30)
    const vigilanza = cardD?.type === 'table' ? cardD.rows[29]?.[0] : undefined
    expect(vigilanza).toMatchObject({ text: 'VIGILANZA', location: { page: 6, table: 5, row: 30, column: 1 } })
  })

  it('reads a page turned by /Rotate 90 like the others', async () => {
    const { record: rotated } = await imported('plans/seed-2024/programmazione-2024-rotated.pdf')
    const { record: calc } = await imported('plans/seed-2024/programmazione-2024-calc.pdf')
    expect(rotated.objectives[1]).toEqual(calc.objectives[1]) // card b is on the rotated page 4
    expect(rotated.findings.find((f) => f.rule === 'HEADER_YEAR_MISMATCH' && f.objectiveId === 'b')?.location).toEqual({ page: 4, table: 4, row: 1, column: 1 })
  })
})

describe('a PDF table without any borders (fixtures/limits)', () => {
  it('gives the summary rows from the alignment of the text, and the cards only in part', async () => {
    const { record } = await importFile(fixture('limits/programmazione-2024-borderless.pdf'))
    expect(record.summary.map((row) => [row.rowLabel, row.kind, row.description?.slice(0, 30) ?? null, row.cdr])).toEqual([
      ['a', 'Obiettivo P. Organizzativa', 'Prevenzione della Corruzione e', ['TUTTI']],
      ['c', 'Obiettivo P. Organizzativa', 'Attuazione di formazione obbli', ['TUTTI']],
      ['d', 'Obiettivo P. Organizzativa', 'Gestione strumenti di programm', ['TUTTI']],
      // The rest of row d, cut by the page break, is read as a row of its own.
      ['', null, 'nel calendario concordato. Cia', []],
      ['e', 'Obiettivo P. Organizzativa', 'Informatizzazione: Transizione', ['TUTTI']],
      ['12', 'Obiettivo P. Organizzativa', null, ['TUTTI']],
    ])
    expect(record.objectives.map((o) => o.id)).toEqual(['a', 'b', 'd'])
    expect(record.objectives[0]?.title).toBe((await imported('plans/seed-2024/programmazione-2024.html')).record.objectives[0]?.title)
  })
})

describe('PDF files that give no plan', () => {
  it.each([
    ['edge/scan.pdf', 'NO_TEXT_LAYER', "La pagina 1 è un'immagine senza testo (una scansione): serve un riconoscimento del testo (OCR) prima dell'importazione."],
    ['edge/encrypted.pdf', 'UNREADABLE', 'Il file PDF è protetto da password: va aperto senza password o esportato di nuovo.'],
    ['edge/truncated.pdf', 'UNREADABLE', 'Il file PDF è troncato: manca la fine del file, probabilmente il download si è interrotto.'],
  ])('%s is refused with %s and its reason', async (file, rule, message) => {
    const error = await importFile(fixture(file)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PerfplanError)
    expect(error).toMatchObject({ rule, message })
  })

  it('leaves the batch running: the bad PDFs fail, the good files are imported', async () => {
    const out = await mkdtemp(join(tmpdir(), 'perfplan-'))
    const inputs = await collectInputs([fixture('edge')])
    const batch = await runBatch(inputs, { out })
    expect(batch.files.map((f) => [f.file, f.status, f.rule ?? null])).toEqual([
      ['empty.pdf', 'failed', 'UNREADABLE'],
      ['encrypted.pdf', 'failed', 'UNREADABLE'],
      ['html-named.pdf', 'ok', null],
      ['scan.pdf', 'failed', 'NO_TEXT_LAYER'],
      ['truncated.pdf', 'failed', 'UNREADABLE'],
    ])
    expect((await readdir(out)).sort()).toEqual(['batch.json', 'html-named.pdf.json'])
  })
})
