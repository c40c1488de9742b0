import type { PlanDocument } from '../model/document.js'
import { decodeHtml } from './encoding.js'
import { readHtmlBlocks } from './html-tables.js'

/**
 * Reads an HTML export (a spreadsheet saved as web page, a portal's table).
 * Limitations: see readHtmlBlocks; pages are unknown (null).
 */
export function readHtml(bytes: Uint8Array): PlanDocument {
  const { text } = decodeHtml(bytes)
  return { format: 'html', pages: null, blocks: readHtmlBlocks(text), findings: [] }
}
