import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
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

/** What `perfplan tables <file>` prints for a fixture. */
type PrintedTable = { page: number; rows: string[][]; merges: { row: number; column: number; rowSpan: number; colSpan: number }[] }
async function printedTables(file: string): Promise<PrintedTable[]> {
  const bin = fileURLToPath(new URL('../bin/perfplan.js', import.meta.url))
  const { stdout } = await promisify(execFile)('node', [bin, 'tables', fixture(file)], { maxBuffer: 1 << 24 })
  return JSON.parse(stdout) as PrintedTable[]
}

/** A table's shape as "page:rows x columns". */
const shapeOf = (t: PrintedTable) => `${t.page}:${t.rows.length}x${t.rows[0]?.length}`

/** The non-empty cells of a printed row, cut to 20 characters. */
const filledCells = (table: PrintedTable | undefined, r: number) => (table?.rows[r] ?? []).filter((text) => text !== '').map((text) => text.slice(0, 20))

/** A finding as "rule objective path", for comparing what two formats find. */
const findingKey = (f: { rule: string; objectiveId: string | null; path: string | null }) => `${f.rule} ${f.objectiveId} ${f.path}`

/** Every table cell of a fixture read into the document model. */
async function tableCells(file: string) {
  const document = await readDocument(await readFile(fixture(file)))
  return document.blocks.flatMap((block) => (block.type === 'table' ? block.rows.flat() : []))
}

const PDFS = [
  'plans/seed-2024/programmazione-2024-calc.pdf',
  'plans/seed-2024/programmazione-2024-pagebreak.pdf',
  'plans/seed-2024/programmazione-2024-rotated.pdf',
  'plans/seed-2024/programmazione-2024-writer.pdf',
  'plans/seed-2024/programmazione-2024-chromium.pdf',
  'plans/seed-2024/programmazione-2024-borderless.pdf',
  'plans/seed-2024/programmazione-2024-borderless-chromium.pdf',
  'plans/seed-2024/programmazione-2024-borderless-word.pdf',
  'plans/seed-2024/programmazione-2024-borderless-calc.pdf',
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
    const tables = await printedTables('plans/seed-2024/programmazione-2024-calc.pdf')
    expect(tables.map(shapeOf)).toEqual(['1:7x6', '2:24x11', '2:8x6', '4:30x8', '5:30x8'])
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

describe('PDF tables without any borders (Writer, from the portale HTML with BORDER=0)', () => {
  const file = 'plans/seed-2024/programmazione-2024-borderless.pdf'
  const tablesOf = () => printedTables(file)

  it('rebuilds the summary from where its text stands, the row cut by the page break joined again', async () => {
    const tables = await tablesOf()
    expect(tables.map(shapeOf)).toEqual(['1:7x6', '2:32x9', '7:31x8', '9:31x8'])
    const summary = (tables[0] as { rows: string[][] }).rows
    // As printed: "Cod." over the descriptions and "CdR Coinvolti" over the codes.
    expect(summary.slice(0, 2)).toEqual([
      ['Comune di:', '', 'Programmazione Obiettivi di Performance 2024', '', 'Unità Organizzativa', ''],
      ['', '', 'Descrizione', 'Cod.', 'CdR Coinvolti', ''],
    ])
    expect(summary.slice(2).map((row) => [row[0]?.slice(0, 11) ?? '', row[1], row[2], row[3]?.slice(0, 24), row[4], row[5]])).toEqual([
      ['DEFINIZIONE', 'a', 'Obiettivo P. Organizzativa', 'Prevenzione della Corruz', 'A.', 'TUTTI'],
      ['', 'c', 'Obiettivo P. Organizzativa', 'Attuazione di formazione', 'B.', 'TUTTI'],
      ['', 'd', 'Obiettivo P. Organizzativa', 'Gestione strumenti di pr', 'C.', 'TUTTI'],
      ['', 'e', 'Obiettivo P. Organizzativa', 'Informatizzazione: Trans', 'D.', 'TUTTI'],
      ['', '12', 'Obiettivo P. Organizzativa', '', '', 'TUTTI'],
    ])
    // Row d's description runs on over page 2: the rest is joined to it, not a row of its own.
    expect(summary[4]?.[3]?.replace(/\s+/g, ' ').endsWith('entro i termini fissati nel calendario concordato. Ciascun Responsabile dovrà rispettare il cronoprogramma e collaborare all\'elaborazione del DUP predisponendo gli atti e comunicando i dati richiesti dal')).toBe(true)
  })

  it('keeps apart two cells that pdf.js reads as one run ("25% 4,5"), and spans a label centred on three rows over them', async () => {
    const card = (await tablesOf())[1] as PrintedTable
    const filled = (r: number) => filledCells(card, r)
    expect(filled(22)).toEqual(['AMMINISTRATIVO', '25%', '4,5', 'Piena attuazione del', 'N.sez. Amm Tras.pres', '95%\n91%\n1'])
    // Each value stands in the column of its header: the columns come from the text of the whole table.
    const header = (card.rows[21] ?? []).map((text) => text.slice(0, 12))
    expect(['Area/Settore', '% di contrib', 'peso assolut', 'valore attes', 'indicatori d', 'esito atteso'].map((label) => card.rows[22]?.[header.indexOf(label)]?.slice(0, 6))).toEqual([
      'AMMINI',
      '25%',
      '4,5',
      'Piena ',
      'N.sez.',
      '95%\n91',
    ])
    // TECNICO, its 25%, 4,5 and "valore atteso" stand level with the middle of its three indicators.
    expect([25, 26, 27].map(filled)).toEqual([
      ['TECNICO', '25%', '4,5', 'Piena attuazione del', 'N.sez. Amm Tras.pres', '95%'],
      ['n. mappature eseguit', '91%'],
      ['nuovi monitoraggi ef', '1'],
    ])
    expect(card.merges.filter((m) => m.rowSpan > 1)).toEqual([
      { row: 9, column: 1, rowSpan: 2, colSpan: 1 }, // «RISULTATO ATTESO», centred on the header and the first indicator
      { row: 26, column: 1, rowSpan: 3, colSpan: 1 },
      { row: 26, column: 2, rowSpan: 3, colSpan: 1 },
      { row: 26, column: 3, rowSpan: 3, colSpan: 1 },
      { row: 26, column: 4, rowSpan: 3, colSpan: 1 },
    ])
  })

  it('finds what the HTML gives, path by path, the label the page break cut ("OBIETTIVO" / "GESTIONALE") read as one', async () => {
    const { record: html } = await imported('plans/seed-2024/programmazione-2024-portale.html')
    for (const pdf of [file, 'plans/seed-2024/programmazione-2024-borderless-word.pdf']) {
      const cells = await tableCells(pdf)
      expect(cells.filter((cell) => /^(OBIETTIVO|GESTIONALE)$/.test(cell.text)).map((cell) => `${cell.text} p${cell.location.page}`)).toEqual(['OBIETTIVO p7', 'GESTIONALE p8'])
      const { record } = await imported(pdf)
      expect(record.findings.map(findingKey)).toEqual(html.findings.map(findingKey))
    }
  })
})

describe('the same borderless tables printed by Chromium (a browser layout, Letter portrait)', () => {
  const file = 'plans/seed-2024/programmazione-2024-borderless-chromium.pdf'

  it('spans a label centred on three rows of unequal height over them', async () => {
    const tables = await printedTables(file)
    // Card a runs over pages 1 to 3 as one table.
    expect(tables.map(shapeOf)).toEqual(['1:7x6', '1:32x9', '4:30x8', '5:30x8'])
    const card = tables[1] as PrintedTable
    const filled = (r: number) => filledCells(card, r)
    // "VIGILANZA" stands level with the middle of its three indicators, not of the second one it sits beside.
    expect([29, 30, 31].map(filled)).toEqual([
      ['VIGILANZA', '25%', '4,5', 'Piena attuazione del', 'N.sez. Amm Tras.pres', '95%'],
      ['n. mappature eseguit', '91%'],
      ['nuovi monitoraggi ef', '1'],
    ])
    expect(card.merges.filter((m) => m.row === 30)).toEqual([1, 2, 3, 4].map((column) => ({ row: 30, column, rowSpan: 3, colSpan: 1 })))
  })

  it('gives the findings of the HTML, path by path', async () => {
    const { record: html } = await imported('plans/seed-2024/programmazione-2024-portale.html')
    const { record } = await imported(file)
    expect(record.findings.map(findingKey)).toEqual(html.findings.map(findingKey))
  })
})

describe('a Word table without borders (the seed docx with its borders taken out)', () => {
  it('joins a word the page break cut inside a narrow column ("Anticorruzion" / "e")', async () => {
    const cells = await tableCells('plans/seed-2024/programmazione-2024-borderless-word.pdf')
    const name = cells.find((cell) => cell.text.startsWith('Attuazione degli obblighi in materia di Anti'))
    expect(name).toMatchObject({ text: 'Attuazione degli obblighi in materia di Anticorruzione', location: { page: 3 } })
  })
})

describe('a spreadsheet printed without its grid (the seed workbook with its borders taken out)', () => {
  const file = 'plans/seed-2024/programmazione-2024-borderless-calc.pdf'

  it('keeps the rows of a card in one table though the rows stand further apart than tables elsewhere', async () => {
    const tables = await printedTables(file)
    // The summary; card a (pages 2 and 3); cards b and d (pages 4 to 6).
    expect(tables.map(shapeOf)).toEqual(['1:7x6', '2:32x12', '4:60x15'])
    // The summary's label, printed upwards in two lines, is one cell.
    expect(tables[0]?.rows[2]?.[0]).toBe('DEFINIZIONE DEGLI OBIETTIVI DI PERFORMANCE ORGANIZZATIVA')
    const filled = (r: number) => filledCells(tables[1], r)
    expect([8, 9, 12].map(filled)).toEqual([
      ['indicatore', 'descrizione', 'formula', 'target', '2020', '2019'],
      ['Attuazione degli obb', 'Grado di trasparenza', 'Formula =[ Adempimen', '95%'],
      ['Qualità e correttezz', 'Evidenzia la capacit', 'Formula =[ Adempimen', '95%'],
    ])
  })

  it('gives the findings of the HTML, path by path', async () => {
    const { record: html } = await imported('plans/seed-2024/programmazione-2024-portale.html')
    const { record } = await imported(file)
    expect(record.findings.map(findingKey)).toEqual(html.findings.map(findingKey))
  })
})

describe('one table without borders over 30 pages (fixtures/tables)', () => {
  it('is read as one table of 1200 rows, every row whole', async () => {
    const document = await readDocument(await readFile(fixture('tables/long-table-borderless.pdf')))
    const tables = document.blocks.filter((block) => block.type === 'table')
    expect(tables).toHaveLength(1)
    const rows = tables[0]?.type === 'table' ? tables[0].rows.map((row) => row.map((cell) => cell.text)) : []
    expect(rows).toHaveLength(1200)
    expect(rows[0]).toEqual(['1', 'Voce di spesa numero 1 del capitolo', '0,00', 'Area Tecnica'])
    expect(rows[1199]).toEqual(['1200', 'Voce di spesa numero 1200 del capitolo', '363,00', 'Area Finanziaria'])
    // Every row has its four cells, in order, whatever page it fell on.
    expect(rows.filter((row, i) => row.join('|') !== `${i + 1}|Voce di spesa numero ${i + 1} del capitolo|${(i * 37) % 1000},00|${['Area Tecnica', 'Area Amministrativa', 'Area Finanziaria'][i % 3]}`)).toEqual([])
    expect(tables[0]?.type === 'table' && tables[0].rows[1199]?.[0]?.location.page).toBe(30)
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
    await rm(out, { recursive: true, force: true })
  })
})
