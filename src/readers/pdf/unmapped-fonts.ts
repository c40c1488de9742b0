import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextRun } from './page-content.js'

/*
 * A composite font (Type0) shows text by CIDs, numbers of the writer's choosing: with the
 * Identity-H encoding they are the glyph numbers of the embedded font. Only the font's
 * /ToUnicode map says which characters they are (or, for the standard Adobe character
 * collections, the collection's own table). Without either, pdf.js gives each CID as the
 * character of that number: "Obiettivo" comes out as "2ELHWWLYR", spaces as control
 * characters. Such text is not read: it is shown as U+FFFD, and the document gets a finding
 * naming the font (see readPages).
 */

/** Per document: what is known of each font (pdf.js's font id → its PDF name if its text cannot be read, else null), and where each unreadable font was first met. */
export interface FontCheck {
  byId: Map<string, string | null>
  /** PDF font name (with its subset tag, "BAAAAA+DejaVuSans") → the first page showing text in it. */
  unmapped: Map<string, number>
}

export function newFontCheck(): FontCheck {
  return { byId: new Map(), unmapped: new Map() }
}

/** What pdf.js hands over of a font when the document is opened with fontExtraProperties. */
interface FontInfo {
  name?: string
  composite?: boolean
  toUnicode?: { firstChar?: number; lastChar?: number; _map?: unknown }
}

/**
 * pdf.js fell back to its identity map (CID = Unicode) for a composite font: it had no
 * /ToUnicode and no known character collection. Its map is then the bare range
 * {firstChar, lastChar}, where a real one carries its table.
 */
function unreadable(font: FontInfo | null): boolean {
  const map = font?.toUnicode
  return font?.composite === true && map !== undefined && map !== null && map._map === undefined && typeof map.firstChar === 'number'
}

/**
 * Replaces the text of runs drawn in an unreadable font by U+FFFD (one per character, spaces
 * kept), and notes the font. Fonts are looked up once per document; pdf.js has them after
 * the page's operator list was read.
 */
export function markUnmappedText(runs: TextRun[], page: PDFPageProxy, fonts: FontCheck): void {
  for (const run of runs) {
    const id = run.font
    if (id === undefined) continue
    let name = fonts.byId.get(id)
    if (name === undefined) {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontInfo) : null
      name = unreadable(font) ? (font?.name ?? id) : null
      fonts.byId.set(id, name)
    }
    if (name === null) continue
    if (!fonts.unmapped.has(name)) fonts.unmapped.set(name, page.pageNumber)
    run.text = run.text.replace(/\S/gu, '\uFFFD')
  }
}

/** The font's name as a reader knows it: without the subset tag ("BAAAAA+DejaVuSans" → "DejaVuSans"). */
export function fontLabel(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '')
}
