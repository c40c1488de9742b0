import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from './helpers/fixtures.js'
import { perfplan, removeTempDirs, tempDir } from './helpers/cli.js'

/** Debian's Chromium, as .ci/run installs it (PERFPLAN_CHROMIUM names another). */
const CHROMIUM = process.env.PERFPLAN_CHROMIUM ?? '/usr/bin/chromium'

let out: string
let browser: Browser
let page: Page

beforeAll(async () => {
  out = await tempDir()
  const run = await perfplan([
    'audit',
    fixture('plans/montevecchio-2025/piano-performance-2025.xlsx'),
    fixture('plans/seed-2024/programmazione-2024.html'),
    fixture('edge/empty.pdf'),
    '--out',
    out,
    '--quiet',
  ])
  expect(run.code).toBe(1)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  // No network: the page must need nothing but its own file.
  await page.route(/^(?!file:)/, (route) => route.abort())
  await page.goto(`file://${join(out, 'audit.html')}`)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await removeTempDirs()
})

const visibleRows = (selector: string) => page.locator(`${selector}:visible`).count()

describe('audit.html in a browser', () => {
  it('shows the totals a person reads first', async () => {
    expect(await page.locator('h1').innerText()).toBe('Audit dei piani della performance')
    expect((await page.locator('.tile').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual([
      '3 documenti',
      '2 importati',
      '1 non importati',
      '10 errori',
      '17 avvisi',
      '39 informazioni',
    ])
  })

  it('lists the documents worst first: the one not imported, then the one with most errors', async () => {
    const rows = await page.locator('table.documents tbody tr').allInnerTexts()
    expect(rows.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      ['edge/empty.pdf', '—', '—', 'non importato (UNREADABLE)', '1', '0', '0'],
      ['plans/montevecchio-2025/piano-performance-2025.xlsx', 'Montevecchio', '2025', 'importato', '8', '1', '23'],
      ['plans/seed-2024/programmazione-2024.html', '—', '2024', 'importato', '1', '16', '16'],
    ])
  })

  it('draws the weight by area and the findings by rule, both visible', async () => {
    const areas = page.locator('#peso-aree')
    expect(await areas.isVisible()).toBe(true)
    expect((await areas.boundingBox())?.height).toBeGreaterThan(100)
    expect(await areas.locator('g > text[text-anchor=end]').allTextContents()).toEqual(['FINANZIARIO', 'TECNICO', 'AMMINISTRATIVO', 'VIGILANZA', 'DEMOGRAFICO', 'Ufficio Cultura e Turismo'])
    const rules = page.locator('#rilievi-regole')
    expect(await rules.isVisible()).toBe(true)
    const labels = await rules.locator('g > text[text-anchor=end]').allTextContents()
    expect(labels[0]).toBe('AREA_ALIAS')
    expect(labels).toContain('SCORE_MISMATCH')
    expect(labels).toContain('UNREADABLE')
  })

  it('groups a document\'s findings by objective, with the place in words', async () => {
    const montevecchio = page.locator('article.document', { hasText: 'montevecchio-2025/piano-performance-2025.xlsx' })
    const headings = await montevecchio.locator('h4').allInnerTexts()
    expect(headings.length).toBe(6)
    expect(headings[0]).toBe('Obiettivo 1 — Digitalizzazione delle pratiche edilizie: presentazione, istruttoria e rilascio dei…')
    const seed = page.locator('article.document', { hasText: 'seed-2024/programmazione-2024.html' })
    expect(await seed.locator('h4').first().innerText()).toBe('Documento')
    const score = montevecchio.locator('tr[data-rule=SCORE_MISMATCH]')
    expect((await score.innerText()).split('\t').map((cell) => cell.trim())).toEqual([
      'errore',
      'SCORE_MISMATCH',
      'foglio 5, cella F13',
      "L'Esito Pesatura stampato è 18, ma le valutazioni danno 16.",
      '18',
      '16',
    ])
  })

  it('filters by severity and by rule', async () => {
    const all = await visibleRows('tr[data-severity]')
    await page.getByLabel('informazione').uncheck()
    expect(await visibleRows('tr[data-severity=info]')).toBe(0)
    expect(await visibleRows('tr[data-severity]')).toBe(all - 39)
    await page.getByLabel('informazione').check()
    await page.locator('select[name=rule]').selectOption('SCORE_MISMATCH')
    expect(await visibleRows('tr[data-severity]')).toBe(1)
    expect(await visibleRows('.group')).toBe(1)
    await page.locator('select[name=rule]').selectOption('')
    expect(await visibleRows('tr[data-severity]')).toBe(all)
  })
})

describe('the audit CSVs', () => {
  /** The CSV as LibreOffice Calc opens it (comma separated, UTF-8), read back cell by cell. */
  async function openedByCalc(name: string): Promise<(string | number | null)[][]> {
    const dir = await tempDir()
    await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, join(out, name)])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(dir, name.replace(/\.csv$/, '.xlsx')))
    const rows: (string | number | null)[][] = []
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)))
    return rows
  }

  it('rilievi.csv: one row per finding, its columns as named, a formula-looking text kept as text', async () => {
    const rows = await openedByCalc('rilievi.csv')
    expect(rows[0]).toEqual(['documento', 'comune', 'anno', 'gravità', 'regola', 'obiettivo', 'percorso', 'dove', 'messaggio', 'trovato', 'corretto'])
    expect(rows.length).toBe(1 + 66 - 1 + 1) // every finding, and the document not imported
    // Calc reads figures as numbers (the objective «2», the sum 90)
    expect(rows.find((row) => row[4] === 'CONTRIBUTION_SUM')).toEqual(['plans/montevecchio-2025/piano-performance-2025.xlsx', 'Montevecchio', 2025, 'errore', 'CONTRIBUTION_SUM', 2, 'objectives[1].areas', 'foglio 3, cella B23', 'Le % di contribuzione delle aree sommano a 90, non a 100.', 90])
    expect(rows[0]?.length).toBe(11)
    // in name order: the document not imported first
    expect(rows[1]?.slice(0, 5)).toEqual(['edge/empty.pdf', undefined, undefined, 'errore', 'UNREADABLE'])
  }, 120_000)

  it('obiettivi.csv: one row per objective with its score and a column per area', async () => {
    const rows = await openedByCalc('obiettivi.csv')
    expect(rows[0]).toEqual(['documento', 'comune', 'anno', 'obiettivo', 'codice', 'titolo', 'unità', 'punteggio', 'peso', 'peso AMMINISTRATIVO', 'peso DEMOGRAFICO', 'peso FINANZIARIO', 'peso TECNICO', 'peso Ufficio Cultura e Turismo', 'peso VIGILANZA'])
    expect(rows[1]?.slice(0, 9)).toEqual(['plans/montevecchio-2025/piano-performance-2025.xlsx', 'Montevecchio', 2025, 1, 'A', "Digitalizzazione delle pratiche edilizie: presentazione, istruttoria e rilascio dei titoli abilitativi esclusivamente tramite lo Sportello Unico per l'Edilizia (SUE) telematico", undefined, 18, undefined])
    expect(rows.length).toBe(1 + 6 + 3)
  }, 120_000)

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const { neutralise, toCsv } = await import('../src/emit/csv.js')
    expect(['=HYPERLINK("x")', '+39 06', '-riga', '@SUM(A1)', '\tx', '\rx', 'Piano 2024'].map(neutralise)).toEqual([
      "'=HYPERLINK(\"x\")",
      "'+39 06",
      "'-riga",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Piano 2024',
    ])
    expect(toCsv(['a', 'b'], [['=1+1', -3]])).toBe('\uFEFFa,b\r\n\'=1+1,-3\r\n')
  })
})
