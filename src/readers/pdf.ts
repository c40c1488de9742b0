import { tooLarge } from './too-large.js'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from './pdf/pdfjs.js'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { attachCaptions, type Block, type PlanDocument, type Table } from '../model/document.js'
import type { Finding } from '../model/finding.js'
import { PerfplanError } from '../errors.js'
import { checkStreamBounds } from './pdf/stream-bounds.js'
import { PAGE_LIMITS, readPageContent, type PageContent, type TextRun } from './pdf/page-content.js'
import { findColumnRuledTables, rowRuledFrames, runsIn } from './pdf/half-ruled.js'
import { fontLabel, newFontCheck } from './pdf/unmapped-fonts.js'
import { findRuledTables, type GridTable } from './pdf/lattice.js'
import { findStreamTables } from './pdf/stream.js'
import { textLines } from './pdf/cell-text.js'
import { toTable, appendRows } from './pdf/table-model.js'
import { noteExtents, sharedColumns, type TextExtents } from './pdf/stream-pages.js'
import { continueOpenRow, continueSplitRow, fitColumns, mergeEdges, remapGrid, remapTable, sameColumns } from './pdf/across-pages.js'

/** The metrics of the 14 standard fonts, shipped with pdf.js, for PDFs that do not embed them. */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

/**
 * Reads a PDF with pdf.js, one page at a time (a long file never holds all its pages):
 * ruled tables are rebuilt from the drawn lines, pages without lines from the alignment of
 * their text; a table that goes on over the next page with the same columns is joined to
 * its start. Text above and below the tables (page headers, footers, page numbers) is kept
 * as paragraphs, not as table content.
 *
 * Limitations: no OCR (a scanned page gives NO_TEXT_LAYER); text in curves or images is not
 * read; a borderless table's rows are told apart by the cell padding between them, so rows
 * printed with no padding at all run together.
 */
export async function readPdf(bytes: Uint8Array): Promise<PlanDocument> {
  // A file without "%%EOF" near its end (cut short, or with bytes appended after it) is read
  // as pdf.js reads it, rebuilding what it can; only when that fails is it called truncated.
  const ended = hasEndOfFile(bytes)
  checkStreamBounds(bytes)
  const truncated = (cause: unknown) => new PerfplanError('UNREADABLE', 'Il file PDF è troncato: manca la fine del file, probabilmente il download si è interrotto.', { cause })
  let pdf: PDFDocumentProxy
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: STANDARD_FONTS,
      // The fonts' character maps reach the reader: a composite font without one is named in a finding (pdf/unmapped-fonts.ts).
      fontExtraProperties: true,
    }).promise
  } catch (cause) {
    throw ended || (cause as { name?: string })?.name === 'PasswordException' ? new PerfplanError('UNREADABLE', reasonOf(cause), { cause }) : truncated(cause)
  }
  if (pdf.numPages > PAGE_LIMITS.pages) {
    await pdf.destroy()
    throw tooLarge(`ha ${pdf.numPages} pagine (al più ${PAGE_LIMITS.pages})`)
  }
  try {
    return await readPages(pdf)
  } catch (cause) {
    if (cause instanceof PerfplanError) throw cause
    if (!ended) throw truncated(cause)
    // A complete file whose pages pdf.js cannot decode (a damaged compressed stream: "Bad
    // uncompressed block length in flate stream") is unreadable, with pdf.js's reason.
    throw new PerfplanError('UNREADABLE', reasonOf(cause), { cause })
  } finally {
    await pdf.destroy()
  }
}

async function readPages(pdf: PDFDocumentProxy): Promise<PlanDocument> {
  const blocks: Block[] = []
  const findings: Finding[] = []
  const scans: number[] = []
  let tableIndex = 1
  let previous: { grid: GridTable; table: Table; pageHeight: number } | null = null
  const extents: TextExtents = new Map()
  const fonts = newFontCheck()
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    const page = await pdf.getPage(pageNumber)
    const content = await readPageContent(page, fonts)
    page.cleanup()
    if (content.runs.length === 0) {
      if (content.hasImages) scans.push(pageNumber)
      continue
    }
    let grids = findRuledTables(content.segments, content.runs)
    const outside = content.runs.filter((run) => !grids.some((grid) => grid.runs.has(run)))
    const margin = content.height * 0.05
    // Page headers, footers and numbers stand apart: no other text within two lines of them
    // (a table without borders may start in the margin; "2024" alone on the last line of a
    // cell is not a page number).
    const isolated = (line: { y: number; runs: unknown[] }) =>
      !outside.some((run) => !line.runs.includes(run) && Math.abs(run.y - line.y) <= run.size * 2)
    const isPageFurniture = (line: { y: number; text: string; runs: unknown[] }) =>
      (line.y < margin || line.y > content.height - margin || /^(pag(ina|\.)?\s*)?\d+(\s*(di|\/|of)\s*\d+)?$/i.test(line.text)) && isolated(line)
    const furniture = new Set(textLines(outside).filter(isPageFurniture).flatMap((line) => line.runs))
    if (grids.length === 0) grids = unruledTables(content, outside.filter((run) => !furniture.has(run)))
    const free = outside.filter((run) => !grids.some((grid) => grid.runs.has(run)))
    // Paragraphs stand in reading order between the tables: a unit heading above a table
    // comes right before it. Page headers and footers are paragraphs, never headings.
    const paragraphs = joinWrappedLines(textLines(free), furniture).map((line) => ({
      y: line.y,
      block: { type: 'paragraph' as const, text: line.text, heading: !line.furniture, location: { page: pageNumber, table: null, row: null, column: null } },
    }))
    const paragraphsAbove = (y: number) => {
      while (paragraphs.length > 0 && (paragraphs[0] as { y: number }).y < y) blocks.push((paragraphs.shift() as { block: Block }).block)
    }
    grids.forEach((original, g) => {
      let grid = original
      // A row cut by the page break and left open on both sides goes on in the row above.
      if (g === 0 && previous && previous.grid.openBottom && grid.openTop && !repeatsHeader(previous.table, grid)) grid = continueOpenRow(previous, grid)
      // The first table of a page continues the last one of the page before when that one ran
      // to the foot of its page, this one starts at the top, and their columns can match (same
      // outer borders when ruled); the columns are then put in line across the pages.
      const fillsPageBefore = previous !== null && (previous.grid.ys.at(-1) as number) >= previous.pageHeight * 0.75
      const startsPage = (grid.ys[0] as number) <= content.height * 0.25
      if (g === 0 && previous && fillsPageBefore && startsPage && sameColumns(previous.grid, grid) && lastBlockIs(blocks, previous.table)) {
        // A table read from text alignment takes columns worked out with the one it continues,
        // from the text of both; ruled ones merge their column edges.
        const shared = grid.stream ? sharedColumns(previous.table, extents, grid) : null
        const edges = shared ? shared.xs : mergeEdges(previous.grid.xs, grid.xs)
        if (!shared) remapTable(previous.table, previous.grid.xs, edges)
        const aligned = shared ?? (grid.stream ? fitColumns(grid, edges) : null) ?? remapGrid(grid, edges)
        const rest = continueSplitRow(previous.table, aligned, previous.grid)
        const made = appendRows(previous.table, rest, pageNumber)
        if (rest.stream) noteExtents(extents, made, rest)
        previous.grid = aligned
        previous.pageHeight = content.height
        return
      }
      paragraphsAbove(grid.ys[0] as number)
      const { table, made } = toTable(grid, tableIndex++, pageNumber)
      if (grid.stream) noteExtents(extents, made, grid)
      blocks.push(table)
      previous = { grid, table, pageHeight: content.height }
    })
    paragraphsAbove(Number.POSITIVE_INFINITY)
    if (grids.length === 0) previous = null
  }
  if (scans.length > 0 && !blocks.some((block) => block.type === 'table')) {
    throw new PerfplanError(
      'NO_TEXT_LAYER',
      `${scans.length === 1 ? 'La pagina' : 'Le pagine'} ${scans.join(', ')} ${scans.length === 1 ? 'è un\'immagine' : 'sono immagini'} senza testo (una scansione): serve un riconoscimento del testo (OCR) prima dell'importazione.`,
      { page: scans[0] as number },
    )
  }
  for (const page of scans) {
    findings.push({
      rule: 'NO_TEXT_LAYER',
      severity: 'error',
      objectiveId: null,
      path: null,
      message: `La pagina ${page} è un'immagine senza testo (una scansione): il suo contenuto non è stato letto; serve un riconoscimento del testo (OCR).`,
      found: null,
      corrected: null,
      location: { page, table: null, row: null, column: null },
    })
  }
  for (const [font, page] of fonts.unmapped) {
    findings.push({
      rule: 'PDF_FONT_UNMAPPED',
      severity: 'warning',
      objectiveId: null,
      path: null,
      message: `Il testo nel carattere «${fontLabel(font)}» non si può leggere: il font (composito, Identity-H) non ha una mappa ToUnicode che dica quali caratteri mostra; quel testo è dato come «\uFFFD».`,
      found: font,
      corrected: null,
      location: { page, table: null, row: null, column: null },
    })
  }
  return { format: 'pdf', pages: pdf.numPages, blocks: attachCaptions(withoutRunningHeads(blocks)), findings }
}

/**
 * The tables of a page the lattice found none on: ruled by columns only (rows told apart by
 * the first column), or framed by horizontal rules or filled bands only (read from their text
 * inside the frame; text outside it is no table's), else read from the alignment of text.
 */
function unruledTables(content: PageContent, runs: TextRun[]): GridTable[] {
  const byColumns = findColumnRuledTables(content.segments, runs)
  if (byColumns.length > 0) return byColumns
  const frames = rowRuledFrames(content.segments, content.bands, runs)
  if (frames.length > 0) return frames.flatMap((frame) => findStreamTables(runsIn(frame, runs), content.textStarts))
  return findStreamTables(runs, content.textStarts)
}

/**
 * The lines of one paragraph as one text: a line that runs to the right edge of the lines
 * starting where it starts, followed right below (a line's pitch) by one starting there too,
 * wrapped into it. A short line (a heading, «Settore: …») ends its paragraph.
 */
function joinWrappedLines(lines: { y: number; text: string; runs: TextRun[] }[], furniture: Set<TextRun>): { y: number; text: string; furniture: boolean }[] {
  const shaped = lines.map((line) => ({
    y: line.y,
    text: line.text,
    left: Math.min(...line.runs.map((run) => run.x)),
    right: Math.max(...line.runs.map((run) => run.x + run.width)),
    size: Math.max(...line.runs.map((run) => run.size)),
    furniture: line.runs.some((run) => furniture.has(run)),
  }))
  const out: { y: number; text: string; furniture: boolean; left: number; right: number; size: number; last: number }[] = []
  for (const line of shaped) {
    const previous = out.at(-1)
    const edge = Math.max(...shaped.filter((other) => Math.abs(other.left - line.left) <= 2 && !other.furniture).map((other) => other.right))
    const wraps = previous !== undefined && !previous.furniture && !line.furniture && Math.abs(previous.left - line.left) <= 2 && Math.abs(previous.size - line.size) < 0.5 &&
      line.y - previous.last > 0 && line.y - previous.last <= line.size * 1.6 && previous.right >= edge - line.size * 6 &&
      // «Risorse umane: …» under «Responsabile: …» is a line of its own.
      !/^[A-ZÀ-Ú][^:.]{0,40}:\s/.test(line.text)
    if (previous && wraps) {
      previous.text = previous.text.endsWith('-') && /^[a-zà-ù]/.test(line.text) ? previous.text.slice(0, -1) + line.text : `${previous.text} ${line.text}`
      previous.last = line.y
      previous.right = line.right
    } else out.push({ ...line, last: line.y })
  }
  return out
}

/** The first row of a grid is the table's header printed again (a new page): no row's rest. */
function repeatsHeader(table: Table, grid: GridTable): boolean {
  const first = table.rows[0]
  if (!first) return false
  const key = (texts: string[]) => texts.join(' ').toLowerCase().replace(/[^a-z0-9]+/g, '')
  const printed = grid.cells.filter((cell) => cell.row === 0).sort((a, b) => a.col - b.col).map((cell) => [...cell.runs].sort((a, b) => a.y - b.y || a.x - b.x).map((run) => run.text).join(' '))
  return key(printed) !== '' && key(printed) === key(first.map((cell) => cell.text))
}

/** A line printed on several pages is a running head or foot, never a heading or caption. */
function withoutRunningHeads(blocks: Block[]): Block[] {
  const pages = new Map<string, Set<number | null>>()
  for (const block of blocks) if (block.type === 'paragraph') pages.set(block.text, (pages.get(block.text) ?? new Set()).add(block.location.page))
  return blocks.map((block) => (block.type === 'paragraph' && block.heading && (pages.get(block.text)?.size ?? 0) > 1 ? { ...block, heading: false } : block))
}

function lastBlockIs(blocks: Block[], table: Table): boolean {
  const lastTable = [...blocks].reverse().find((block) => block.type === 'table')
  return lastTable === table
}

/** A complete PDF ends with "%%EOF" (possibly followed by a little whitespace or junk). */
function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)))
  return tail.includes('%%EOF')
}

function reasonOf(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === 'PasswordException') return 'Il file PDF è protetto da password: va aperto senza password o esportato di nuovo.'
  if (name === 'InvalidPDFException') return 'Il file non è un PDF valido: la sua struttura è danneggiata.'
  return `Il file PDF non si apre: ${(error as Error)?.message ?? String(error)}.`
}

