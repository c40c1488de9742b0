import { load } from 'cheerio'
import { attachCaptions, cleanCellText, layoutTable, type Block, type Table } from '../model/document.js'

/**
 * Turns HTML into document blocks: every top-level <table> becomes a grid (rowspan and
 * colspan honoured), every heading or paragraph outside tables a paragraph. Shared by
 * the HTML reader and the DOCX reader (mammoth converts Word to this HTML).
 *
 * Limitations: no source positions (locations are table/row/column only); nested tables
 * are read as the text of their cell; CSS (display:none, widths) is ignored.
 */
export function readHtmlBlocks(html: string, firstTable = 1): Block[] {
  const $ = load(html)
  const root = $.root()[0] as unknown as DomNode
  const inside = nestingFlags(root)
  const blocks: Block[] = []
  let tableIndex = firstTable
  /** A paragraph, one block per line (a <br> starts a line: «Responsabile: …<br>Risorse umane: …»). */
  const push = (text: string, heading: boolean) => {
    for (const line of cleanCellText(text).split('\n')) if (line) blocks.push({ type: 'paragraph', text: line, heading, location: { page: null, table: null, row: null, column: null } })
  }
  // The walk keeps its own stack (a page of 200,000 nested <div> must not overflow the
  // call stack): each item is a node to visit or a run of inline nodes to print.
  const work: ({ visit: DomNode } | { inline: DomNode[] })[] = [{ visit: root }]
  /** A container's children: runs of inline content are paragraphs, block children are visited. */
  const flow = (node: DomNode): void => {
    const items: typeof work = []
    let inline: DomNode[] = []
    for (const child of node.children ?? []) {
      const name = child.name?.toLowerCase() ?? ''
      if (child.type === 'text' || (child.type === 'tag' && !BLOCKS.has(name) && !inside.get(child)?.block)) {
        inline.push(child)
        continue
      }
      items.push({ inline }, { visit: child })
      inline = []
    }
    items.push({ inline })
    for (let i = items.length - 1; i >= 0; i--) work.push(items[i] as (typeof work)[number])
  }
  while (work.length > 0) {
    const item = work.pop() as (typeof work)[number]
    if ('inline' in item) {
      if (item.inline.length > 0) push(item.inline.map(textOf).join(''), isHeading({ type: 'tag', name: 'p', children: item.inline }))
      continue
    }
    const node = item.visit
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') continue
    const name = node.name?.toLowerCase()
    if (name === 'script' || name === 'style' || name === 'head' || name === 'title') continue
    if (name === 'table') {
      // A page laid out with tables (an old portal): the tables inside its cells are the data.
      if (inside.get(node)?.table) {
        const cells = rowsOf(node).flatMap((row) => elementChildren(row, ['td', 'th']))
        for (let i = cells.length - 1; i >= 0; i--) work.push({ visit: { type: 'root', children: (cells[i] as DomNode).children ?? [] } })
      } else blocks.push(readTable(node, tableIndex++))
      continue
    }
    if (name && PARAGRAPHS.has(name) && !inside.get(node)?.table) {
      push(textOf(node), isHeading(node))
      continue
    }
    flow(node)
  }
  return attachCaptions(blocks)
}

/**
 * For every element, whether a block element or a table stands somewhere inside it:
 * worked out once, bottom up, without recursion.
 */
function nestingFlags(root: DomNode): Map<DomNode, { block: boolean; table: boolean }> {
  const flags = new Map<DomNode, { block: boolean; table: boolean }>()
  const order: DomNode[] = []
  const pending = [root]
  while (pending.length > 0) {
    const node = pending.pop() as DomNode
    order.push(node)
    for (const child of node.children ?? []) if (child.type === 'tag' || child.type === 'root') pending.push(child)
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as DomNode
    const own = { block: false, table: false }
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue
      const name = child.name?.toLowerCase() ?? ''
      const inner = flags.get(child)
      own.block ||= BLOCKS.has(name) || inner?.block === true
      own.table ||= name === 'table' || inner?.table === true
    }
    flags.set(node, own)
  }
  return flags
}

/** Elements that stand on their own lines: what is around them is another paragraph. */
const BLOCKS = new Set(['table', 'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'blockquote', 'center', 'form', 'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'hr', 'br', 'dl', 'dt', 'dd', 'address', 'fieldset', 'script', 'style', 'head', 'title', 'caption'])

/** The parts of a parsed HTML node that the walker uses. */
interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption', 'pre'])
/** Elements whose content starts on a new line inside a cell. */
const LINE_BREAKING = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol'])
/** Elements printed apart from the word before them: footnote marks must not glue ("completezza10"). */
const SPACED = new Set(['sup', 'sub', 'td', 'th', 'small'])

function elementChildren(node: DomNode, names: string[]): DomNode[] {
  return (node.children ?? []).filter((child) => child.type === 'tag' && names.includes(child.name?.toLowerCase() ?? ''))
}

/** The rows of a table in order, looking through thead/tbody/tfoot but not into nested tables. */
function rowsOf(table: DomNode): DomNode[] {
  const rows: DomNode[] = []
  for (const child of elementChildren(table, ['tr', 'thead', 'tbody', 'tfoot'])) {
    if (child.name?.toLowerCase() === 'tr') rows.push(child)
    else for (const row of elementChildren(child, ['tr'])) rows.push(row)
  }
  return rows
}

/** h1-h6, or a paragraph whose text is all bold (how Word and portals print a heading). */
function isHeading(node: DomNode): boolean {
  const name = node.name?.toLowerCase() ?? ''
  if (/^h[1-6]$/.test(name)) return true
  const content = (node.children ?? []).filter((child) => child.type !== 'text' || (child.data ?? '').trim() !== '')
  if (content.length === 0) return false
  // Bold, or a <font> (old portals) wrapping only bold text.
  return content.every((child) => child.type === 'tag' && (BOLD.has(child.name?.toLowerCase() ?? '') || (child.name?.toLowerCase() === 'font' && isHeading(child))))
}

const BOLD = new Set(['b', 'strong'])

/** The rows the writer marked as header: those of <thead>, or leading rows of <th> cells only. */
function headerRowCount(table: DomNode, rows: DomNode[]): number {
  const head = elementChildren(table, ['thead'])
  if (head.length > 0) return head.reduce((n, part) => n + elementChildren(part, ['tr']).length, 0)
  let n = 0
  for (const tr of rows) {
    const cells = elementChildren(tr, ['td', 'th'])
    if (cells.length === 0 || cells.some((cell) => cell.name?.toLowerCase() !== 'th')) break
    n++
  }
  return n
}

function readTable(table: DomNode, index: number): Table {
  const trs = rowsOf(table)
  const sourceRows = trs.map((tr) =>
    elementChildren(tr, ['td', 'th']).map((td) => ({
      text: textOf(td),
      rowSpan: span(td.attribs?.rowspan),
      colSpan: span(td.attribs?.colspan),
    })),
  )
  const laid = layoutTable(sourceRows, (row, col) => ({ page: null, table: index, row: row + 1, column: col + 1 }), index, null, null)
  const caption = elementChildren(table, ['caption'])[0]
  return { ...laid, caption: caption ? foldLines(textOf(caption)) || null : null, headerRows: headerRowCount(table, trs) }
}

function span(attribute: string | undefined): number {
  const n = Number.parseInt(attribute ?? '1', 10)
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1
}

/** The visible text of a node: line breaks for block elements and <br>, spaces around <sup>. */
function textOf(node: DomNode): string {
  // Iterative (no recursion on the input's depth): nodes, and the text that closes each.
  const parts: string[] = []
  const pending: (DomNode | string)[] = [node]
  while (pending.length > 0) {
    const item = pending.pop() as DomNode | string
    if (typeof item === 'string') {
      parts.push(item)
      continue
    }
    if (item.type === 'text') {
      parts.push(item.data ?? '')
      continue
    }
    if (item.type !== 'tag' && item.type !== 'root') continue
    const name = item.name?.toLowerCase() ?? ''
    if (name === 'br') {
      parts.push('\n')
      continue
    }
    if (name === 'script' || name === 'style') continue
    const around = LINE_BREAKING.has(name) ? '\n' : SPACED.has(name) ? ' ' : ''
    parts.push(around)
    pending.push(around)
    const children = item.children ?? []
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as DomNode)
  }
  return parts.join('')
}

function foldLines(text: string): string {
  return cleanCellText(text).replace(/\n/g, ' ')
}
