import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/readers/index.js'
import type { Table } from '../src/model/document.js'
import { fixture } from './helpers/fixtures.js'

/*
 * Tables drawn the ways general table extractors cope with (fixtures/pdf-cases/, made by
 * fixtures/make-pdf-cases.sh: reportlab's canvas, and a Chromium print): the exact cells.
 */

async function read(file: string) {
  return readDocument(await readFile(fixture(`pdf-cases/${file}`)))
}

async function tablesOf(file: string): Promise<Table[]> {
  return (await read(file)).blocks.filter((block): block is Table => block.type === 'table')
}

/** A table as its grid of texts: each anchor's text in its column, '' where no cell starts. */
function grid(table: Table | undefined): string[][] {
  if (!table) return []
  return table.rows.map((row) => {
    const texts = new Array<string>(table.columnCount).fill('')
    for (const cell of row) texts[cell.col] = cell.text
    return texts
  })
}

/** The merged cells of a table, as "row,col rowSpan×colSpan" (0-based). */
const merges = (table: Table | undefined) =>
  (table?.rows ?? []).flat().filter((cell) => cell.rowSpan > 1 || cell.colSpan > 1).map((cell) => `${cell.row},${cell.col} ${cell.rowSpan}x${cell.colSpan}`)

describe('text drawn twice a fraction of a point apart for a bold effect (bold-overprint.pdf)', () => {
  const cells = [
    ['Codice', 'Indicatore', 'Target'],
    ['1.1', 'Tempo medio di pagamento delle fatture', '30 gg'],
    ['1.2', 'Pratiche edilizie evase entro i termini', '95%'],
    ['2.1', 'Segnalazioni risolte', '1.250'],
  ]

  it('is read once in a ruled table and in its caption', async () => {
    const [table] = await tablesOf('bold-overprint.pdf')
    expect(table?.page).toBe(1)
    expect(table?.caption).toBe('Indicatori di performance 2024')
    expect(grid(table)).toEqual(cells)
  })

  it('is read once without rules, the header drawn twice inside one text object', async () => {
    const tables = (await tablesOf('bold-overprint.pdf')).filter((table) => table.page === 2)
    // A page without lines: the title alone on its line is read as a table of one cell, once.
    expect(tables.map(grid)).toEqual([[['Indicatori di performance 2024']], cells])
  })
})

describe('one text object per line of a ruled cell (cell-lines.pdf)', () => {
  it('gives each cell all its lines, in order, the bottom-first cell too', async () => {
    const [table] = await tablesOf('cell-lines.pdf')
    expect(table?.caption).toBe('Obiettivi del servizio tributi')
    expect(grid(table)).toEqual([
      ['N.', 'Descrizione', 'Indicatori'],
      [
        '1',
        "Riduzione dei tempi di rimborso dei tributi locali versati in eccesso dai contribuenti, con l'invio della comunicazione entro trenta giorni dalla domanda",
        // Short lines the next word would have fitted after: a break that may be the
        // writer's or a wrap, kept undecided (AMBIGUOUS_BREAK, U+2028).
        'N. rimborsi\u2028Giorni medi\u2028Domande evase',
      ],
      ['2', "Recupero dell'evasione IMU e TARI degli anni 2019-2021 attraverso gli accertamenti esecutivi", 'Importo accertato\u2028Importo riscosso'],
      ['3', 'Sportello telematico per le dichiarazioni', 'Dichiarazioni online'],
    ])
  })
})

describe('a composite font (Type0, Identity-H) without a ToUnicode map (cid-font.pdf, Chromium)', () => {
  it('keeps the table and shows its unreadable characters as U+FFFD, never as glyph numbers', async () => {
    const [table] = await tablesOf('cid-font.pdf')
    const unread = (n: number) => '\uFFFD'.repeat(n)
    expect(grid(table)).toEqual([
      [unread(2), unread(9), unread(4)],
      [unread(1), `${unread(38)} ${unread(39)}`, unread(3)],
      [unread(1), `${unread(41)} ${unread(12)}`, unread(3)],
    ])
  })

  it('names each font that could not be mapped in a finding, with the page it was first met on', async () => {
    const { findings } = await read('cid-font.pdf')
    expect(findings.map((f) => [f.rule, f.severity, f.found, f.location?.page])).toEqual([
      ['PDF_FONT_UNMAPPED', 'warning', 'AAAAAA+DejaVuSans-Bold', 1],
      ['PDF_FONT_UNMAPPED', 'warning', 'BAAAAA+DejaVuSans', 1],
    ])
    expect(findings[1]?.message).toBe(
      'Il testo nel carattere «DejaVuSans» non si può leggere: il font (composito, Identity-H) non ha una mappa ToUnicode che dica quali caratteri mostra; quel testo è dato come «\uFFFD».',
    )
  })

  it('gives no such finding for the fonts of the other fixtures', async () => {
    for (const file of ['bold-overprint.pdf', 'cell-lines.pdf', 'rules-and-bands.pdf', 'wide-statistics.pdf', 'vertical-rules.pdf']) {
      expect((await read(file)).findings, file).toEqual([])
    }
  })
})

describe('rows parted by rules of other widths and colours, or by filled bands (rules-and-bands.pdf)', () => {
  const cells = [
    ['Servizio', 'Prodotto', 'Quantità', 'Variazione'],
    ['Anagrafe', 'Certificati rilasciati allo sportello e online', '12.480', '+4,2%'],
    ['Tributi', "Avvisi di accertamento IMU notificati nell'anno", '1.305', '-1,8%'],
    ['Lavori pubblici', 'Cantieri aperti e chiusi entro il cronoprogramma approvato', '27', '+12,5%'],
    ['Polizia locale', 'Sanzioni per violazioni al codice della strada', '8.912', '+0,3%'],
    ['Servizi sociali', 'Domande di contributo affitto istruite', '436', '-6,0%'],
  ]

  it.each([
    [1, 'column rules of 0.5 pt, row rules from 0.25 to 2.25 pt in black, blue, grey, red and green', 'Prodotti dei servizi 2024'],
    [2, 'horizontal rules only, heavy and light', 'Prodotti dei servizi 2024 (rilevazione di giugno)'],
    [3, 'shaded bands only, no stroke, white text on the header band', 'Prodotti dei servizi 2024 (rilevazione di dicembre)'],
  ])('page %i (%s): each row its own, every column its own, the title above not in the table', async (page, _how, title) => {
    const tables = (await tablesOf('rules-and-bands.pdf')).filter((table) => table.page === page)
    expect(tables).toHaveLength(1)
    expect(tables[0]?.caption).toBe(title)
    expect(grid(tables[0])).toEqual(cells)
    expect(merges(tables[0])).toEqual([])
  })
})

describe('a wide statistical table without rules (wide-statistics.pdf)', () => {
  it('puts a header of three rows over 22 right-aligned columns of figures', async () => {
    const [table] = await tablesOf('wide-statistics.pdf')
    expect(table?.caption).toBe('Tavola 3 - Popolazione residente e famiglie al 31 dicembre, per comune')
    expect(table?.columnCount).toBe(23)
    const years = ['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']
    const rows = grid(table)
    // The group titles are centred over their columns: each is read where its text stands,
    // merged over the columns it covers.
    const header = (cells: Record<number, string>) => Array.from({ length: 23 }, (_, k) => cells[k] ?? '')
    expect(rows.slice(0, 3)).toEqual([
      header({ 5: 'Popolazione residente', 17: 'Famiglie' }),
      header({ 2: 'Serie ricostruita', 8: 'Serie censuaria', 13: 'Serie ricostruita', 19: 'Serie censuaria' }),
      ['Comune', ...years, ...years],
    ])
    expect(merges(table)).toEqual(['0,5 1x3', '1,2 1x3', '1,8 1x2', '1,13 1x3', '1,19 1x2'])
  })

  it('gives each figure in its column, every row found by its label', async () => {
    const [table] = await tablesOf('wide-statistics.pdf')
    const printed = JSON.parse(await readFile(fixture('pdf-cases/wide-statistics.json'), 'utf8')) as string[][]
    const rows = grid(table)
    expect(rows).toHaveLength(3 + printed.length)
    for (const expected of printed) expect(rows.find((row) => row[0] === expected[0]), expected[0]).toEqual(expected)
    // Two rows as printed, 7-digit figures with two thousands separators among them.
    expect(rows.find((row) => row[0] === 'Fiumalbo')?.slice(1, 4)).toEqual(['1.204.771', '1.301.147', '1.397.524'])
    expect(rows.at(-1)?.slice(20)).toEqual(['2.322.153', '2.252.127', '2.242.396'])
  })
})

describe('a table ruled by columns only (vertical-rules.pdf)', () => {
  it('tells rows apart by the first column, though the lines run on at one pitch from row to row', async () => {
    const [table] = await tablesOf('vertical-rules.pdf')
    expect(table?.caption).toBe('Obiettivi operativi - Area Tecnica')
    expect(grid(table)).toEqual([
      ['N.', 'Obiettivo', 'Indicatore', 'Peso'],
      ['1', "Digitalizzazione dell'archivio delle pratiche edilizie dal 1990 al 2010, con la consultazione online per i tecnici", 'Pratiche digitalizzate', '30'],
      ['2', 'Manutenzione programmata delle scuole comunali', 'Interventi eseguiti nei tempi', '25'],
      ['3', "Revisione del regolamento per l'occupazione del suolo pubblico e delle tariffe collegate, con una consultazione degli esercenti", 'Regolamento approvato entro giugno', '25'],
      ['4', 'Riduzione dei tempi di risposta alle segnalazioni', 'Giorni medi di risposta', '20'],
    ])
    expect(merges(table)).toEqual([])
  })
})

describe('a table drawn inside a form XObject (form-table.pdf)', () => {
  it("places the form's lines by the form's matrix, and what the form's content changes ends with the form", async () => {
    const tables = await tablesOf('form-table.pdf')
    expect(tables.map(grid)).toEqual([
      [
        ['Codice', 'Obiettivo'],
        ['1.1', 'Riduzione dei tempi di pagamento'],
        ['1.2', 'Digitalizzazione delle pratiche'],
      ],
      // Drawn on the page after the form, whose content ended with a transformation of its own.
      [
        ['Codice', 'Indicatore'],
        ['2.1', 'Pratiche evase entro i termini'],
        ['2.2', 'Segnalazioni risolte'],
      ],
    ])
    expect(tables[0]?.caption).toBe('Obiettivi in un modulo XObject')
  })
})
