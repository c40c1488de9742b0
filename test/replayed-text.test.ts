import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getDocument, OPS } from '../src/readers/pdf/pdfjs.js'
import { replayText, type TextItem } from '../src/readers/pdf/replayed-text.js'
import { readDocument } from '../src/readers/index.js'
import type { Table } from '../src/model/document.js'
import { importFile } from '../src/pipeline.js'
import { fixture } from './helpers/fixtures.js'

/*
 * The page's text worked out from its operator list (src/readers/pdf/replayed-text.ts) must be
 * the text pdf.js's getTextContent gives: the same items, strings and fonts, at the same
 * places. Checked on every page of every bundled PDF (LibreOffice, Chromium, reportlab), and
 * on fixtures/pdf-cases/text-operators.pdf, the text operators one by one
 * (fixtures/src/pdf-cases/text-operators.py, soft-mask.mjs).
 */

const root = fixture('')

function pdfsUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) return pdfsUnder(path)
      return name.endsWith('.pdf') ? [path] : []
    })
}

const open = (bytes: Uint8Array) =>
  getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, disableFontFace: true, fontExtraProperties: true }).promise

/** The items that carry text (getTextContent also gives blank ones for gaps and line ends). */
const texts = (items: TextItem[]) => items.filter((item) => item.str.trim() !== '')

/**
 * Where two item lists differ, in words; null when they agree. The operator list keeps text
 * and form matrices as 32-bit floats, so positions and widths may differ by a thousandth of a point.
 */
function difference(expected: TextItem[], actual: TextItem[]): string | null {
  if (expected.length !== actual.length) return `${expected.length} items, replayed ${actual.length}`
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-3
  for (const [k, a] of expected.entries()) {
    const b = actual[k] as TextItem
    if (a.str !== b.str || a.fontName !== b.fontName) return `item ${k}: ${JSON.stringify(a.str)} (${a.fontName}), replayed ${JSON.stringify(b.str)} (${b.fontName})`
    if (!near(a.width, b.width) || !near(a.height, b.height) || a.transform.some((v, i) => !near(v, b.transform[i] as number))) {
      return `item ${k} ${JSON.stringify(a.str)}: ${a.transform.join(' ')} w ${a.width}, replayed ${b.transform.join(' ')} w ${b.width}`
    }
  }
  return null
}

describe('text from the operator list', () => {
  it('is the text getTextContent gives, on every page of every bundled PDF; the pages with right-to-left text are left to getTextContent', async () => {
    const mismatches: string[] = []
    const left: string[] = []
    let pages = 0
    for (const path of pdfsUnder(root)) {
      const name = relative(root, path)
      const pdf = await open(new Uint8Array(readFileSync(path))).catch(() => null) // the broken files of fixtures/edge and bad
      if (!pdf) continue
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n)
        const replayed = replayText(await page.getOperatorList(), page)
        const content = (await page.getTextContent()).items.filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
        pages++
        if (replayed === null) left.push(`${name} p.${n}`)
        else {
          const diff = difference(texts(content), texts(replayed))
          if (diff) mismatches.push(`${name} p.${n}: ${diff}`)
        }
        page.cleanup()
      }
      await pdf.destroy()
    }
    expect(mismatches).toEqual([])
    expect(left).toEqual(['pdf-cases/text-effects.pdf p.2', 'pdf-cases/text-operators.pdf p.3'])
    expect(pages).toBeGreaterThanOrEqual(190)
  })

  it('follows each text operator as pdf.js does (text-operators.pdf)', async () => {
    const pdf = await open(new Uint8Array(readFileSync(fixture('pdf-cases/text-operators.pdf'))))
    const itemsOf = async (n: number) => {
      const page = await pdf.getPage(n)
      return texts(replayText(await page.getOperatorList(), page) ?? []).map((item) => `${item.str} @${item.transform[4]!.toFixed(2)},${item.transform[5]!.toFixed(2)}`)
    }
    expect(await itemsOf(1)).toEqual([
      // TJ: a kerning of 30 thousandths keeps one word, -250 is a space, -1200 a new item.
      'Obiettivo strategico @60.00,780.00',
      'Peso @157.01,780.00',
      // Tc 1.5 spaces the letters out; Tw 6 puts words apart.
      'I n d i c a t o r e c o n s p a z i a t u r a @60.00,750.00',
      'e @226.78,750.00',
      'parole @241.12,750.00',
      'distanti @277.69,750.00',
      'Testo compresso al 80% @60.00,738.00',
      'Prima riga con interlinea @60.00,726.00',
      'Seconda riga con interlinea @60.00,712.00',
      // A change of font ends an item; Ts 4 raises a note above the line.
      'Target @60.00,698.00',
      '100% @93.34,698.00',
      'nota @121.69,702.00',
      'fine @136.15,698.00',
      // ' and " go to the next line by the leading; " also sets Tw 2 and Tc 1.
      'Riga con apice @60.00,600.00',
      'Riga seguente @60.00,586.00',
      'Riga @60.00,572.00',
      'con @90.34,572.00',
      'spaziatura @115.24,572.00',
      // TD sets the leading that T* then uses.
      'Prima @60.00,540.00',
      'Dopo TD @60.00,524.00',
      'Dopo T* @60.00,508.00',
      // A 1-point font under a text matrix scaled 12 times.
      'Matrice di testo scalata @60.00,480.00',
      'seguito @216.00,480.00',
    ])
    expect(await itemsOf(2)).toEqual([
      'Testo ruotato di novanta gradi @40.00,400.00',
      'Testo ingrandito dalla CTM @90.00,750.00',
      // A form XObject's text, placed by the matrix in force where it is painted.
      'Testo dentro un modulo XObject @80.00,650.00',
      'seconda riga del modulo @80.00,638.00',
      // Marked content (BDC … EMC) and an image XObject cut the line.
      'Prima del contenuto @80.00,600.00',
      'marcato @171.71,600.00',
      'e dopo @210.61,600.00',
      'Parola @80.00,560.00',
      'accanto @113.00,560.00',
    ])
    // The text of a soft mask's form is drawn in the operator list, but is not the page's text.
    expect(await itemsOf(4)).toEqual(['Testo dopo la maschera @60.00,660.00'])
    await pdf.destroy()
  })

  it('gives the page back to getTextContent when its operator list is shaped in a way not foreseen', async () => {
    const pdf = await open(new Uint8Array(readFileSync(fixture('pdf-cases/text-operators.pdf'))))
    const page = await pdf.getPage(1)
    const operators = await page.getOperatorList()
    const setFont = operators.fnArray.indexOf(OPS.setFont)
    expect(replayText({ fnArray: operators.fnArray, argsArray: operators.argsArray.map((args, i) => (i === setFont ? null : args)) }, page)).toBeNull()
    await pdf.destroy()
  })

  it('leaves the reader the right-to-left text of the page it does not cover', async () => {
    const document = await readDocument(readFileSync(fixture('pdf-cases/text-operators.pdf')))
    const third = document.blocks.filter((block): block is Table => block.type === 'table' && block.page === 3)
    expect(third.map((table) => table.rows.map((row) => row.map((cell) => cell.text)))).toEqual([[['םלוע םולש :Obiettivo'], ['Riga in italiano dopo']]])
  })
})

describe('plans written again by other PDF writers (fixtures/pdf-cases/rewritten-*.pdf)', () => {
  const essentials = async (path: string) => {
    const { record } = await importFile(fixture(path))
    return { objectives: record.objectives, findings: record.findings }
  }
  it.each([
    ['pdf-cases/rewritten-cairo.pdf', 'plans/seed-2024/programmazione-2024-calc.pdf', 3],
    ['pdf-cases/rewritten-ghostscript.pdf', 'plans/montevecchio-2025/piano-performance-2025-chromium.pdf', 6],
  ])('%s gives the objectives and findings of %s', async (rewritten, original, count) => {
    const [again, first] = await Promise.all([essentials(rewritten), essentials(original)])
    expect(first.objectives).toHaveLength(count)
    expect(again).toEqual(first)
  })
})
