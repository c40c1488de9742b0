// The baseline of bench/pdf.js: raw pdf.js text and operator-list extraction, page by page.
// Run on its own (`node bench/raw-pdf.js FILE`) it reads FILE that way and nothing else is
// loaded, so the peak memory of the baseline is measured in a process of its own.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The baseline: what any PDF reader must do at least, text and drawing operators of each page. */
export async function extractRaw(bytes) {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    await page.getTextContent()
    await page.getOperatorList()
    page.cleanup()
  }
  await pdf.destroy()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await extractRaw(new Uint8Array(readFileSync(process.argv[2])))
