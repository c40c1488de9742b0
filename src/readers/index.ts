import type { Format, PlanDocument } from '../model/document.js'
import { PerfplanError } from '../errors.js'
import { sniffFormat } from './sniff.js'
import { checkZipBounds, zipEntries } from './zip.js'

/**
 * One reader per format: bytes in, the document model out. Each is loaded when a file of
 * its format first comes: pdf.js, mammoth, cheerio and exceljs together take some 50 MB of a
 * worker's memory, and a batch of PDFs needs only the first.
 */
const READERS: Record<Format, (bytes: Uint8Array) => Promise<PlanDocument>> = {
  html: async (bytes) => (await import('./html.js')).readHtml(bytes),
  docx: async (bytes) => (await import('./docx.js')).readDocx(bytes),
  xlsx: async (bytes) => (await import('./xlsx.js')).readXlsx(bytes),
  pdf: async (bytes) => (await import('./pdf.js')).readPdf(bytes),
}

/**
 * Reads a file's bytes into the document model, choosing the reader from the bytes
 * (never the extension). Throws UNREADABLE when the bytes are no format perfplan reads.
 */
export async function readDocument(bytes: Uint8Array): Promise<PlanDocument> {
  const format = sniffFormat(bytes)
  if (isZip(bytes)) {
    // An Office file is a zip: its declared sizes are checked before anything is inflated.
    const entries = zipEntries(bytes)
    if (!entries) throw new PerfplanError('UNREADABLE', "Il file è un archivio (.docx o .xlsx) troncato o danneggiato: manca l'indice del suo contenuto.")
    checkZipBounds(entries)
  }
  if (format === null) {
    throw new PerfplanError(
      'UNREADABLE',
      bytes.length === 0
        ? 'Il file è vuoto.'
        : 'Il file non è un PDF, un documento Word (.docx), una cartella Excel (.xlsx) né una pagina HTML.',
    )
  }
  return READERS[format](bytes)
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export { sniffFormat }
