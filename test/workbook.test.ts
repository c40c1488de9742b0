import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { emitWorkbook } from '../src/emit/workbook.js'
import { BOLD, CellIndex, CORRECTED_FILL, DOUBT_FILL, label, text } from '../src/emit/workbook/cells.js'
import { Annotations } from '../src/emit/workbook/annotations.js'
import type { Finding } from '../src/model/finding.js'
import { styleSharer } from '../src/emit/workbook/share-styles.js'
import { importBytes } from '../src/pipeline.js'
import { entryHead, zipEntries } from '../src/readers/zip.js'
import type { PlanRecord } from '../src/model/record.js'
import { show } from '../src/values/show.js'
import { imported } from './helpers/fixtures.js'

const PLANS = ['plans/seed-2024/programmazione-2024.xlsx', 'plans/montevecchio-2025/piano-performance-2025.xlsx'] as const

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

/**
 * What reading the corrected workbook back must give: the reconciled objectives, except
 * that the corrected cells now print the corrected values, so "as printed" fields (the
 * declared score and weights, a value's raw text) are the corrected ones.
 */
function asReprinted(record: PlanRecord): PlanRecord['objectives'] {
  const objectives = structuredClone(record.objectives)
  for (const objective of objectives) {
    objective.weighting.declaredScore = objective.weighting.score
    for (const area of objective.areas) {
      if (area.declaredAbsoluteWeight !== null) area.declaredAbsoluteWeight = area.absoluteWeight
      for (const measure of area.measures) if (measure.expected?.kind === 'percent') measure.expected.raw = show(measure.expected) as string
    }
  }
  return objectives
}

/** The text of one entry of a zip (an xlsx part). */
function zipText(bytes: Uint8Array, name: string): string {
  const entry = zipEntries(bytes)?.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`${name} is not in the workbook`)
  return entryHead(bytes, entry, entry.compressedSize)
}

describe.each(PLANS)('the corrected workbook of %s', (file) => {
  it('reads back to the reconciled objectives, with only the errors no rule can correct left', async () => {
    const { record } = await imported(file)
    const { record: back } = await importBytes(await emitWorkbook(record), { name: 'corrected.xlsx' })
    expect(back.objectives).toEqual(asReprinted(record))
    expect(back.plan).toEqual(record.plan)
    expect(back.summary).toEqual(record.summary)
    expect(back.areas).toEqual(record.areas)
    expect(back.findings.filter((f) => f.rule === 'UNMAPPED_CELL')).toEqual([]) // every cell it writes is read back
    // CARD_MISSING (a card cannot be invented) and CONTRIBUTION_SUM with every % printed
    // (rules.md: no correction) stay errors; every corrected error is gone.
    const errors = back.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}`)
    expect(errors).toEqual(file.includes('seed') ? ['CARD_MISSING summary[2].description'] : ['CONTRIBUTION_SUM objectives[1].areas'])
  })

  it('is byte-identical when written twice', async () => {
    const { record } = await imported(file)
    const first = await emitWorkbook(record)
    await new Promise((resolve) => setTimeout(resolve, 2100)) // zip times have a 2-second grain
    const second = await emitWorkbook(record)
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })

  it('is deflated part by part, every part dated 2000-01-01 00:00', async () => {
    const { record } = await imported(file)
    const bytes = await emitWorkbook(record)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const parts = (zipEntries(bytes) ?? []).filter((entry) => !entry.name.endsWith('/'))
    expect(parts.map((entry) => entry.name)).toContain('xl/workbook.xml')
    for (const entry of parts) {
      expect([entry.name, entry.method]).toEqual([entry.name, 8])
      // The local header's DOS time and date: 0 (midnight) and (2000 - 1980) << 9 | 1 << 5 | 1.
      expect([entry.name, view.getUint16(entry.offset + 10, true), view.getUint16(entry.offset + 12, true)]).toEqual([entry.name, 0, (20 << 9) | (1 << 5) | 1])
      // Sizes in the local header, no descriptor after the data (flag bit 3 clear).
      expect([entry.name, view.getUint16(entry.offset + 6, true) & 0x08, view.getUint32(entry.offset + 18, true), view.getUint32(entry.offset + 22, true)]).toEqual([entry.name, 0, entry.compressedSize, entry.uncompressedSize])
    }
    // Each entry's data is followed by the next entry's local header.
    const ordered = [...parts].sort((a, b) => a.offset - b.offset)
    ordered.slice(1).forEach((entry, k) => {
      const before = ordered[k] as (typeof ordered)[number]
      const nameAndExtra = view.getUint16(before.offset + 26, true) + view.getUint16(before.offset + 28, true)
      expect([entry.name, entry.offset]).toEqual([entry.name, before.offset + 30 + nameAndExtra + before.compressedSize])
    })
    expect(zipText(bytes, '[Content_Types].xml')).toContain('spreadsheetml.sheet.main+xml')
  })

  it('lists its sheets in order, «Riepilogo» first, each with its own id and its own print titles', async () => {
    const { record } = await imported(file)
    const xml = zipText(await emitWorkbook(record), 'xl/workbook.xml')
    const sheets = [...xml.matchAll(/<sheet sheetId="(\d+)" name="([^"]+)"/g)].map((m) => ({ id: m[1], name: m[2] }))
    const cards = record.objectives.map((objective) => `Obiettivo ${objective.id}`)
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Riepilogo', ...cards, 'Aree', 'Indicatori', 'Rilievi'])
    expect(new Set(sheets.map((sheet) => sheet.id)).size).toBe(sheets.length)
    const titles = [...xml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">&apos;([^&]+)&apos;/g)].map((m) => [Number(m[1]), m[2]])
    expect(titles).toEqual(sheets.map((sheet, i) => [i, sheet.name]))
  })

  it('lists every finding in «Rilievi», errors first, under a frozen, filtered header', async () => {
    const { record } = await imported(file)
    const sheet = (await load(await emitWorkbook(record))).getWorksheet('Rilievi')
    expect(sheet?.actualRowCount).toBe(2 + record.findings.length)
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Gravità', 'Regola', 'Obiettivo', 'Messaggio', 'Trovato', 'Corretto', 'Cella', 'Dove nel documento', 'Percorso'])
    const severities = record.findings.map((f) => f.severity)
    const words = { error: 'errore', warning: 'avviso', info: 'informazione' }
    const expected = (['error', 'warning', 'info'] as const).flatMap((severity) => severities.filter((s) => s === severity).map((s) => words[s]))
    expect(Array.from({ length: record.findings.length }, (_, i) => sheet?.getCell(`A${3 + i}`).value)).toEqual(expected)
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet?.autoFilter).toBe(`A2:I${2 + record.findings.length}`)
  })
})

describe('the corrected workbook of the Montevecchio plan', () => {
  it('writes no «0.##» number format (Excel shows 8 as «8.»): its styles.xml holds none', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const xml = zipText(await emitWorkbook(record), 'xl/styles.xml')
    const formats = [...xml.matchAll(/formatCode="([^"]*)"/g)].map((m) => m[1])
    expect(formats.filter((format) => /\.#/.test(format ?? ''))).toEqual([])
  })

  it('names perfplan, not Excel, as the program that wrote it, and asks for a full recalculation on opening', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const bytes = await emitWorkbook(record)
    const app = zipText(bytes, 'docProps/app.xml')
    expect(app.match(/<Application>([^<]*)<\/Application>/)?.[1]).toBe('perfplan')
    expect(app).not.toMatch(/Microsoft|AppVersion/)
    expect(zipText(bytes, 'docProps/core.xml')).toContain('<dc:creator>perfplan</dc:creator>')
    expect(zipText(bytes, 'xl/workbook.xml')).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/>')
  })

  it('links each «Rilievi» row to the cell it is about, whose comment names the finding; an alias leaves its cell uncoloured', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const workbook = await load(await emitWorkbook(record))
    const rilievi = workbook.getWorksheet('Rilievi') as ExcelJS.Worksheet
    const row = Array.from({ length: record.findings.length }, (_, i) => rilievi.getRow(3 + i)).find((r) => r.getCell(2).value === 'SCORE_MISMATCH') as ExcelJS.Row
    expect(row.getCell(8).value).toBe('foglio 5, cella F13')
    const link = row.getCell(7).value as { text: string; hyperlink: string }
    const [, sheetName, address] = /^#'(.+)'!([A-Z]+\d+)$/.exec(link.hyperlink) ?? []
    expect(link.text).toBe(`${sheetName}!${address}`)
    const target = workbook.getWorksheet(sheetName as string)?.getCell(address as string)
    expect(String(target?.note)).toContain("SCORE_MISMATCH (error): L'Esito Pesatura stampato è 18, ma le valutazioni danno 16.")
    expect(target?.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } })
    const alias = Array.from({ length: record.findings.length }, (_, i) => rilievi.getRow(3 + i)).find((r) => r.getCell(2).value === 'AREA_ALIAS') as ExcelJS.Row
    const [, aliasSheet, aliasAddress] = /^#'(.+)'!([A-Z]+\d+)$/.exec((alias.getCell(7).value as { hyperlink: string }).hyperlink) ?? []
    const aliasCell = workbook.getWorksheet(aliasSheet as string)?.getCell(aliasAddress as string)
    expect(String(aliasCell?.note)).toContain('AREA_ALIAS (info)')
    expect(aliasCell?.fill).toEqual({ type: 'pattern', pattern: 'none' })
  })

  it('computes peso assoluto and the absorption index with formulas, cached values included', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const workbook = await load(await emitWorkbook(record))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Riepilogo', 'Obiettivo 1', 'Obiettivo 2', 'Obiettivo 3', 'Obiettivo 4', 'Obiettivo 5', 'Obiettivo 6', 'Aree', 'Indicatori', 'Rilievi',
    ])
    const card = workbook.getWorksheet('Obiettivo 3') as ExcelJS.Worksheet
    // Three indicators: «PESO OBIETTIVO» at row 12, the score at D13, the areas from row 20.
    expect(card.getCell('A12').value).toBe('PESO OBIETTIVO')
    expect(card.getCell('D13').value).toEqual({
      formula:
        'IF(C13="Alto",5,IF(C13="Medio",3,IF(C13="Basso",1,0)))+IF(C14="Alto",5,IF(C14="Medio",3,IF(C14="Basso",1,0)))+' +
        'IF(C15="Alto",5,IF(C15="Medio",3,IF(C15="Basso",1,0)))+IF(C16="Alto",1,IF(C16="Medio",3,IF(C16="Basso",5,0)))',
      result: 16,
    })
    expect(card.getCell('A17').value).toBe('RISORSE ASSEGNATE AL PROGRAMMA')
    expect(card.getCell('G17').value).toEqual({ formula: 'IFERROR(D17/B17,"")', result: 0.3 })
    expect(card.getCell('A20').value).toBe('Area Tecnica')
    expect(card.getCell('C20').value).toEqual({ formula: '$D$13*B20', result: 8 })
    expect(card.getCell('C13').dataValidation).toMatchObject({ type: 'list', formulae: ['"Alto,Medio,Basso"'] })
  })

  it('marks a corrected cell in green with a comment giving the original value and the rule', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const card = (await load(await emitWorkbook(record))).getWorksheet('Obiettivo 3') as ExcelJS.Worksheet
    const weight = card.getCell('C20')
    expect(weight.note).toBe('ABSOLUTE_WEIGHT_MISMATCH (error): Il peso assoluto di «Area Tecnica» è 7, ma 16 × 50% dà 8. Valore originale: 7.')
    expect(weight.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } })
    // A doubt that no rule corrects: the area no registry knows, in yellow.
    const unknown = (await load(await emitWorkbook(record))).getWorksheet('Obiettivo 5')?.getCell('A24')
    expect(unknown?.value).toBe('Ufficio Cultura e Turismo')
    expect(unknown?.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } })
  })

  it('totals the absolute weights per area and per objective in «Aree»', async () => {
    const { record } = await imported('plans/montevecchio-2025/piano-performance-2025.xlsx')
    const sheet = (await load(await emitWorkbook(record))).getWorksheet('Aree') as ExcelJS.Worksheet
    expect(sheet.getRow(2).values).toEqual([undefined, 'Obiettivo', 'Titolo', 'TECNICO', 'AMMINISTRATIVO', 'FINANZIARIO', 'DEMOGRAFICO', 'VIGILANZA', 'Ufficio Cultura e Turismo', 'Totale'])
    expect(sheet.getCell('C5').value).toEqual({ formula: "'Obiettivo 3'!C20", result: 8 })
    expect(sheet.getCell('I5').value).toEqual({ formula: 'SUM(C5:H5)', result: 16 })
    expect(sheet.getCell('C9').value).toEqual({ formula: 'SUM(C3:C8)', result: 20.2 })
  })
})

/** A plan of each layout the workbook lays out its own way: cards of pairs, lists, a matrix, a weight list before cards. */
const LAYOUT_PLANS = [
  ['plans/valdoria-2024/piano-performance-2024.docx', ['Obiettivo 1', 'Obiettivo 2', 'Obiettivo 3', 'Obiettivo 4']],
  ['plans/roccalta-2020/piano-performance-2019-2021.docx', ['Obiettivo 1.3.1', 'Obiettivo 2.1.3', 'Obiettivo 3.2.2']],
  ['plans/monteferro-2023/piano-2023.html', ['Obiettivo 1.1', 'Obiettivo 1.2', 'Obiettivo 2.1']],
  ['plans/colleverde-2024/peg-2024.docx', ['Obiettivi']],
  ['plans/sanvito-2025/piano-2025.xlsx', ['Obiettivi']],
  ['plans/portoselva-2023/piano-indicatori-2023.html', ['Obiettivi']],
  ['plans/torrebruna-2024/pesi-dirigenti-2024.xlsx', ['Obiettivi']],
  ['plans/valmarina-2020/prospetto-2020.docx', ['Obiettivi']],
  ['plans/perosetta-2024/peg-2024.docx', ['Riepilogo', 'Obiettivo 0', 'Obiettivo 1', 'Obiettivo 2', 'Obiettivo 3', 'Obiettivo 4', 'Obiettivo 5']],
] as const

describe.each(LAYOUT_PLANS)('the corrected workbook of %s', (file, sheets) => {
  it('is laid out as the comune printed it, then the reports', async () => {
    const { record } = await imported(file)
    const workbook = await load(await emitWorkbook(record))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...sheets, 'Aree', 'Indicatori', 'Rilievi'])
  })

})

/** Every plan of another layout (test/expected/), from the first of its files. */
const OTHER_PLANS = readdirSync(fileURLToPath(new URL('./expected/', import.meta.url)))
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const expected = JSON.parse(readFileSync(fileURLToPath(new URL(`./expected/${name}`, import.meta.url)), 'utf8')) as { files: string[] }
    return `plans/${name.replace(/\.json$/, '')}/${expected.files[0] as string}`
  })

describe.each(OTHER_PLANS)('the corrected workbook of %s', (file) => {
  it('reads back to the same plan, summary and objectives', async () => {
    const { record } = await imported(file)
    const { record: back } = await importBytes(await emitWorkbook(record), { name: 'corrected.xlsx' })
    expect(back.objectives).toEqual(asReprinted(record))
    expect(back.plan).toEqual(record.plan)
    expect(back.summary).toEqual(record.summary)
  })
})

describe('the corrected workbook of a list', () => {
  it('has the list\'s columns and the units as group rows (San Vito al Piano)', async () => {
    const { record } = await imported('plans/sanvito-2025/piano-2025.xlsx')
    const sheet = (await load(await emitWorkbook(record))).getWorksheet('Obiettivi') as ExcelJS.Worksheet
    const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined ? null : String(v)))
    expect(row(1)[0]).toBe('Comune di San Vito al Piano')
    expect(row(2)[0]).toBe('Piano della performance e degli obiettivi 2025-2027')
    expect(row(4)).toEqual(['Obiettivo n.', 'Titolo obiettivo', 'Categoria', 'Obiettivo strategico', 'Indicatore', 'Descrizione indicatore', 'Target'])
    expect(row(5)[0]).toBe('Unità organizzativa: Area servizi finanziari')
    expect(row(6).slice(0, 4)).toEqual(['1', 'Gestione del trattamento economico, previdenziale e fiscale del personale dipendente, del segretario comunale e degli amministratori', 'mantenimento', 'GESTIONE DELLE RISORSE UMANE E FINANZIARIE'])
  })
})

describe('the printed header of a corrected workbook', () => {
  it('puts the comune and the plan on the left, cut to the page, and the sheet on the right (Villafranca, Writer PDF)', async () => {
    const { record } = await imported('plans/villafranca-2023/piao-2023-2025.pdf')
    const workbook = await load(await emitWorkbook(record))
    const headers = [workbook.worksheets[0], workbook.worksheets.at(-1)].map((sheet) => [sheet?.name, sheet?.pageSetup.orientation, sheet?.headerFooter.oddHeader])
    expect(headers).toEqual([
      ['Obiettivo 1', 'portrait', '&LComune di Villafranca Montana – Piano integrato di attività e organizzazione 20…&R&A'],
      ['Rilievi', 'landscape', '&LComune di Villafranca Montana – Piano integrato di attività e organizzazione 2023-2025 - Sottosezione 2.2 Performance&R&A'],
    ])
  })
})

describe('shared cell styles', () => {
  it('gives cells with the same font, border and fill one style object, and others their own', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Prova')
    label(sheet.getCell('A1'), 'Obiettivo')
    label(sheet.getCell('B1'), 'Peso')
    text(sheet.getCell('A2'), 'Digitalizzazione')
    label(sheet.getCell('B2'), 'Corretto').fill = CORRECTED_FILL
    styleSharer()(sheet)
    expect(sheet.getCell('A1').style).toBe(sheet.getCell('B1').style)
    expect(sheet.getCell('A2').style).not.toBe(sheet.getCell('A1').style)
    expect(sheet.getCell('B2').style).not.toBe(sheet.getCell('A1').style)
    expect(sheet.getCell('B2').style.fill).toBe(CORRECTED_FILL)
    const back = (await load(new Uint8Array(await workbook.xlsx.writeBuffer()))).getWorksheet('Prova')
    expect(back?.getCell('B1').font).toEqual({ bold: true })
    expect(back?.getCell('B2').fill).toEqual(CORRECTED_FILL)
    expect([back?.getCell('A2').font?.bold, back?.getCell('A2').alignment]).toEqual([undefined, { vertical: 'top', wrapText: true }])
  })

  it('keeps the style parts from being changed in place', () => {
    expect(() => {
      ;(BOLD as { bold: boolean }).bold = false
    }).toThrow(TypeError)
  })
})

describe('findings marked sheet by sheet', () => {
  const finding = (path: string, severity: Finding['severity'], corrected: unknown): Finding => ({
    rule: 'WEIGHT_SUM',
    severity,
    objectiveId: '1',
    path,
    message: 'i pesi non sommano a 100',
    found: 90,
    corrected,
    location: null,
  })

  it('lands each finding on the cell of its path or its nearest written parent, on that sheet only', () => {
    const workbook = new ExcelJS.Workbook()
    const card = workbook.addWorksheet('Obiettivo 1')
    const other = workbook.addWorksheet('Obiettivo 2')
    const cells = new CellIndex()
    cells.set('objectives[0]', card.getCell('H2'))
    cells.set('objectives[0].weighting.score', card.getCell('D8'))
    cells.set('objectives[1]', other.getCell('H2'))
    const annotations = new Annotations([finding('objectives[0].weighting.score', 'warning', 100), finding('objectives[0].areas[2]', 'warning', null), finding('plan.year', 'error', null)], cells)
    annotations.mark(other)
    expect(other.getCell('H2').note).toBeUndefined()
    annotations.mark(card)
    expect(card.getCell('D8').note).toBe('WEIGHT_SUM (warning): i pesi non sommano a 100 Valore originale: 90.')
    expect(card.getCell('D8').fill).toBe(CORRECTED_FILL)
    expect(card.getCell('H2').fill).toBe(DOUBT_FILL)
    expect(() => annotations.verify()).not.toThrow()
  })

  it('refuses a workbook in which a later sheet wrote a nearer cell for a finding already marked', () => {
    const workbook = new ExcelJS.Workbook()
    const card = workbook.addWorksheet('Obiettivo 1')
    const summary = workbook.addWorksheet('Riepilogo')
    const cells = new CellIndex()
    cells.set('objectives[0]', card.getCell('H2'))
    const annotations = new Annotations([finding('objectives[0].weight', 'warning', null)], cells)
    annotations.mark(card)
    cells.set('objectives[0].weight', summary.getCell('C6'))
    annotations.mark(summary)
    expect(() => annotations.verify()).toThrow('finding WEIGHT_SUM at objectives[0].weight was marked on Obiettivo 1!H2, but its cell is Riepilogo!C6')
  })
})
