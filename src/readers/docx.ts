import mammoth from 'mammoth'
import type { PlanDocument } from '../model/document.js'
import type { Finding } from '../model/finding.js'
import { PerfplanError } from '../errors.js'
import { readHtmlBlocks } from './html-tables.js'

/**
 * Reads a Word document: mammoth converts it to HTML (keeping merged cells as
 * rowspan/colspan), which goes through the same table reader as HTML input.
 * Limitations: no page numbers or source positions; text boxes and headers/footers
 * are not read (mammoth leaves them out).
 */
export async function readDocx(bytes: Uint8Array): Promise<PlanDocument> {
  let result: { value: string; messages: { type: string; message: string }[] }
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  } catch (cause) {
    throw new PerfplanError('UNREADABLE', 'Il file Word è danneggiato: la parte principale del documento non si legge.', { cause })
  }
  const findings: Finding[] = result.messages.map((message) => ({
    rule: 'DOCX_WARNING',
    severity: 'warning',
    objectiveId: null,
    path: null,
    message: `Conversione Word: ${message.message}`,
    found: null,
    corrected: null,
    location: null,
  }))
  return { format: 'docx', pages: null, blocks: readHtmlBlocks(result.value), findings }
}
