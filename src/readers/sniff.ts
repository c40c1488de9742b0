import type { Format } from '../model/document.js'
import { decodeHtml } from './encoding.js'
import { zipEntries } from './zip.js'

/**
 * Decides a file's format from its bytes: "%PDF-" for PDF; a zip whose entries name
 * `word/` or `xl/` for .docx and .xlsx; markup (`<html`, `<table`, `<!doctype`) for HTML.
 * Returns null when the bytes are none of these; the caller says so in one sentence.
 */
export function sniffFormat(bytes: Uint8Array): Format | null {
  if (bytes.length === 0) return null
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return 'pdf'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const names = zipEntryNames(bytes)
    if (names.some((name) => name.startsWith('word/'))) return 'docx'
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx'
    return null
  }
  const text = decodeHtml(bytes.subarray(0, 4096)).text.trimStart().toLowerCase()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|table|meta)\b/.test(text)) return 'html'
  if (/<table\b/.test(text)) return 'html'
  return null
}

/** The entry names of a zip's central directory; empty when the directory is missing. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return (zipEntries(bytes) ?? []).map((entry) => entry.name)
}
