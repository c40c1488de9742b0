// The baseline of bench/pdf-long.js in a worker thread: raw pdf.js text and operator-list
// extraction (bench/raw-pdf.js) of the file each message names; it answers with the time.
// perfplan's pdf.js loader first, as in bench/pdf.js: the baseline runs with the same pdf.js,
// with the engine's own functions put back (see src/readers/pdf/pdfjs.ts).
import '../dist/readers/pdf/pdfjs.js'
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { extractRaw } from './raw-pdf.js'

parentPort.on('message', async (path) => {
  const bytes = new Uint8Array(readFileSync(path))
  const start = process.hrtime.bigint()
  await extractRaw(bytes)
  parentPort.postMessage(Number(process.hrtime.bigint() - start) / 1e6)
})
