import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, describe, expect, it } from 'vitest'
import { emitWorkbook } from '../src/emit/workbook.js'
import { removeTempDirs, tempDir } from './helpers/cli.js'
import { imported } from './helpers/fixtures.js'

// The corrected workbook as a clerk's LibreOffice Calc opens, recalculates and prints it.

afterAll(removeTempDirs)

const SEED = 'plans/seed-2024/programmazione-2024.xlsx'

/**
 * Converts a file with LibreOffice headless in a private profile that recalculates every
 * formula of an xlsx on loading (Tools ▸ Options ▸ Calc ▸ Formula: «Always recalculate»), as
 * Calc does live while a clerk edits. Returns the converted file's path.
 */
async function libreOffice(file: string, target: 'xlsx' | 'pdf'): Promise<string> {
  const dir = await tempDir()
  await mkdir(join(dir, 'profile', 'user'), { recursive: true })
  await writeFile(
    join(dir, 'profile', 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  )
  await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', target, '--outdir', join(dir, 'out'), file])
  return join(dir, 'out', file.replace(/^.*\//, '').replace(/\.xlsx$/, `.${target}`))
}

async function seedWorkbook(): Promise<string> {
  const { record } = await imported(SEED)
  const file = join(await tempDir(), 'programmazione-2024.xlsx')
  await writeFile(file, await emitWorkbook(record))
  return file
}

/** A cell's value as the workbook stores it: a formula's cached result, or the constant. */
function valueOf(sheet: ExcelJS.Worksheet | undefined, address: string): unknown {
  const value = sheet?.getCell(address).value
  return value !== null && typeof value === 'object' && 'formula' in value ? value.result : value
}

describe('the seed\'s corrected workbook in LibreOffice Calc', () => {
  it('follows an edit of a rating and of a contribution on a card into the card, «Riepilogo» and «Aree»', async () => {
    const written = await seedWorkbook()
    // The clerk lowers «Importanza» of objective a from «Alto» to «Basso» (5 → 1 point) and
    // gives AMMINISTRATIVO 50 % of it instead of 25 %.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(written)
    const card = workbook.getWorksheet('Obiettivo a')
    expect([card?.getCell('B14').value, card?.getCell('C14').value, card?.getCell('A21').value, card?.getCell('B21').value]).toEqual(['Importanza', 'Alto', 'AMMINISTRATIVO', 0.25])
    card!.getCell('C14').value = 'Basso'
    card!.getCell('B21').value = 0.5
    const edited = join(await tempDir(), 'programmazione-2024.xlsx')
    await workbook.xlsx.writeFile(edited)

    const recalculated = new ExcelJS.Workbook()
    await recalculated.xlsx.load((await readFile(await libreOffice(edited, 'xlsx'))) as unknown as ArrayBuffer)
    const [cardA, summary, areas] = ['Obiettivo a', 'Riepilogo', 'Aree'].map((name) => recalculated.getWorksheet(name))
    // The card: «Esito Pesatura» 18 → 14; AMMINISTRATIVO's «peso assoluto» 14 × 50 % = 7, the others 14 × 25 %.
    expect(['D14', 'C21', 'C22', 'C24', 'C27', 'C30'].map((cell) => valueOf(cardA, cell))).toEqual([14, 7, 7, 3.5, 3.5, 3.5])
    // «Riepilogo», objective a's row: the score, the weights per area, and «Stato» now saying
    // that the weights per area (17.5) no longer add up to the score (14).
    expect(['A6', 'F6', 'G6', 'H6', 'I6', 'J6', 'K6'].map((cell) => valueOf(summary, cell))).toEqual(['a', 14, 7, 3.5, 3.5, 3.5, "pesi per area diversi dall'esito pesatura; 3 avvisi"])
    // The other objectives are as they were.
    expect(['F7', 'G7', 'K7', 'F9', 'G9', 'K9'].map((cell) => valueOf(summary, cell))).toEqual([14, 3.5, '4 avvisi', 20, 5, '7 avvisi'])
    // «Aree»: objective a's row and total, each area's total and the grand total.
    expect(['A3', 'C3', 'D3', 'G3'].map((cell) => valueOf(areas, cell))).toEqual(['a', 7, 3.5, 17.5])
    expect(['A6', 'C6', 'D6', 'E6', 'F6', 'G6'].map((cell) => valueOf(areas, cell))).toEqual(['Totale', 15.5, 12, 12, 12, 51.5])
  })

  it('prints on one A4 page per sheet: three cards, «Riepilogo», «Aree», «Indicatori» and «Rilievi»', async () => {
    const workbook = new ExcelJS.Workbook()
    const written = await seedWorkbook()
    await workbook.xlsx.readFile(written)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Riepilogo', 'Obiettivo a', 'Obiettivo b', 'Obiettivo d', 'Aree', 'Indicatori', 'Rilievi'])
    const pdf = await getDocument({ data: new Uint8Array(await readFile(await libreOffice(written, 'pdf'))) }).promise
    expect(pdf.numPages).toBe(7)
    // Each page's header names the plan and its sheet; its footer the source file and the page.
    for (const [n, sheet] of workbook.worksheets.entries()) {
      const content = await (await pdf.getPage(n + 1)).getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ')
      expect(text).toContain(`Programmazione Obiettivi di Performance 2024 ${sheet.name}`)
      expect(text).toContain(`programmazione-2024.xlsx Pagina ${n + 1} di 7`)
    }
    await pdf.destroy()
  })
})
