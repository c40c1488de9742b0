// Must stay the first import: it takes the engine's functions before pdf.js replaces them.
import { NATIVES } from './natives.js'
import { getDocument, normalizeUnicode, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
// The worker's code, loaded here rather than by pdf.js on the first document (its module sets
// globalThis.pdfjsWorker, which pdf.js then uses for its in-thread worker), so that both
// halves of pdf.js have run their set-up before the engine's functions are put back below.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs'

/*
 * pdf.js's legacy build (the one that runs on Node.js 20) bundles core-js, which on V8
 * before 12.2 replaces, for the whole thread, Array.prototype.push (to throw on an array
 * whose length is read-only) and JSON.stringify and JSON.parse (for JSON.rawJSON and the
 * reviver's source text). The replacements are several times slower — push by a JavaScript
 * loop, stringify by a replacer called on every value — and they are everywhere: pdf.js's
 * own parser, table reconstruction, interpretation, the record's JSON, exceljs. The engine's
 * own are put back; the cases the replacements add are ones no code here meets.
 */
if (NATIVES) {
  const restore = (target: object, key: string, value: unknown) => {
    if ((target as Record<string, unknown>)[key] !== value) Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false })
  }
  restore(Array.prototype, 'push', NATIVES.push)
  restore(JSON, 'stringify', NATIVES.stringify)
  restore(JSON, 'parse', NATIVES.parse)
}

export { getDocument, normalizeUnicode, OPS }
