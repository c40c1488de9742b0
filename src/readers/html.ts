import type { Finding } from '../model/finding.js'
import type { PlanDocument } from '../model/document.js'
import { decodeHtml } from './encoding.js'
import { readHtmlBlocks } from './html-tables.js'

/**
 * Reads an HTML export (a spreadsheet saved as web page, a portal's table).
 * Limitations: see readHtmlBlocks; pages are unknown (null).
 */
export function readHtml(bytes: Uint8Array): PlanDocument {
  const { text, encoding, declared } = decodeHtml(bytes)
  const findings: Finding[] = declared
    ? [
        {
          rule: 'ENCODING_MISMATCH',
          severity: 'warning',
          objectiveId: null,
          path: null,
          message: `La pagina si dichiara in ${declared}, ma i suoi byte non lo sono: è stata letta come ${encoding}, la codifica a cui corrispondono.`,
          found: declared,
          corrected: encoding,
          location: null,
        },
      ]
    : []
  return { format: 'html', pages: null, blocks: readHtmlBlocks(text), findings }
}
