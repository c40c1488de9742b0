/**
 * The engine's own Array.prototype.push, JSON.stringify and JSON.parse, taken before pdf.js
 * loads (see ./pdfjs.ts); null when core-js (pdf.js's or another's) has already run in this
 * thread, and what is there now may be its replacement.
 */
export const NATIVES = '__core-js_shared__' in globalThis ? null : { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse }
