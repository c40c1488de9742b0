import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { decodeHtml } from '../src/readers/encoding.js'
import { sniffFormat, zipEntryNames } from '../src/readers/sniff.js'
import { readHtml } from '../src/readers/html.js'
import { readDocx } from '../src/readers/docx.js'
import { fixture } from './helpers/fixtures.js'
import { inFreshProcess } from './helpers/cli.js'

describe('loading the readers', () => {
  it('loads pdf.js only when a PDF comes (a process of its own, with the built readers)', () => {
    const readers = fileURLToPath(new URL('../dist/readers/index.js', import.meta.url))
    const script = `
      import { readFileSync } from 'node:fs'
      const { readDocument } = await import(${JSON.stringify(readers)})
      const loaded = () => 'pdfjsLib' in globalThis
      const seen = [loaded()]
      await readDocument(readFileSync(${JSON.stringify(fixture('plans/seed-2024/programmazione-2024.html'))}))
      seen.push(loaded())
      await readDocument(readFileSync(${JSON.stringify(fixture('plans/seed-2024/programmazione-2024-calc.pdf'))}))
      seen.push(loaded())
      console.log(JSON.stringify(seen))`
    expect(inFreshProcess(script)).toEqual([false, false, true])
  })
})

describe('format sniffing', () => {
  it.each([
    ['plans/seed-2024/programmazione-2024.xlsx', 'xlsx'],
    ['plans/seed-2024/programmazione-2024.docx', 'docx'],
    ['plans/seed-2024/programmazione-2024.html', 'html'],
    ['plans/seed-2024/programmazione-2024-calc.pdf', 'pdf'],
    ['edge/html-named.pdf', 'html'],
    ['edge/empty.pdf', null],
  ])('decides %s is %s from its bytes', async (file, format) => {
    expect(sniffFormat(await readFile(fixture(file)))).toBe(format)
  })

  it('lists the parts of an Office zip from its central directory', async () => {
    const names = zipEntryNames(await readFile(fixture('plans/seed-2024/programmazione-2024.docx')))
    expect(names).toContain('word/document.xml')
    expect(names).toContain('[Content_Types].xml')
  })

  it('refuses bytes that are none of the formats', () => {
    expect(sniffFormat(new TextEncoder().encode('Comune di Montevecchio, piano 2025'))).toBeNull()
  })
})

describe('HTML decoding', () => {
  it('reads the windows-1252 portal page by its meta charset, with €, – and accented letters', async () => {
    const { text, encoding } = decodeHtml(await readFile(fixture('plans/seed-2024/programmazione-2024-portale.html')))
    expect(encoding).toBe('windows-1252')
    expect(text).toContain('Unità Organizzativa')
    expect(text).toContain('sezione PIAO– Aggiornamento')
    expect(text).toContain('>€<')
  })

  it('sniffs windows-1252 without a declaration, and honours a UTF-8 byte order mark', () => {
    expect(decodeHtml(Uint8Array.from([0x3c, 0x70, 0x3e, 0x55, 0x6e, 0x69, 0x74, 0xe0, 0x20, 0x96, 0x20, 0x80]))).toEqual({ text: '<p>Unità – €', encoding: 'windows-1252' })
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa8]))).toEqual({ text: 'è', encoding: 'utf-8' })
  })

  it('keeps rowspan and colspan in the grid and footnote marks apart from their words', () => {
    const html = '<table><tr><td rowspan="2">A</td><td colspan="2">B<sup>1</sup>C</td></tr><tr><td>D</td><td>E<br>F</td></tr></table>'
    const [table] = readHtml(new TextEncoder().encode(html)).blocks
    expect(table?.type === 'table' && table.rows.map((row) => row.map((cell) => [cell.text, cell.row, cell.col, cell.rowSpan, cell.colSpan]))).toEqual([
      [['A', 0, 0, 2, 1], ['B 1 C', 0, 1, 1, 2]],
      [['D', 1, 1, 1, 1], ['E\nF', 1, 2, 1, 1]],
    ])
  })
})

describe('captions and header rows', () => {
  it('gives a table its <caption>, its <thead> rows, and a heading right above it', async () => {
    const { readHtml } = await import('../src/readers/html.js')
    const html = '<h3>Settore Tecnico</h3><table><thead><tr><th>N.</th><th>Obiettivo</th></tr></thead><tr><td>1</td><td>Strade</td></tr></table><table><caption>Indicatore 1.1</caption><tr><td>Codice</td><td>1.1</td></tr></table>'
    const document = readHtml(new TextEncoder().encode(html))
    expect(document.blocks.map((block) => (block.type === 'table' ? ['table', block.caption, block.headerRows] : ['paragraph', block.text]))).toEqual([
      ['table', 'Settore Tecnico', 1],
      ['table', 'Indicatore 1.1', 0],
    ])
  })
})

describe('Word documents', () => {
  it('reads Word\'s «Title» and «Subtitle» paragraphs as headings, with no converter notice (python-docx)', async () => {
    const document = await readDocx(new Uint8Array(await readFile(fixture('tables/word-title.docx'))))
    expect(document.blocks.map((block) => (block.type === 'table' ? ['table', block.caption] : ['paragraph', block.text, block.heading]))).toEqual([
      ['paragraph', 'COMUNE DI LARIANO', true],
      ['paragraph', 'Piano esecutivo di gestione 2023', true],
      ['table', 'Scheda obiettivo n. 1'],
    ])
    expect(document.findings).toEqual([])
  })
})
