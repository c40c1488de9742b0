/**
 * Decodes the bytes of an HTML file to text. The encoding comes from, in order: a byte
 * order mark, a `<meta charset>` / `http-equiv` declaration near the top, or sniffing
 * (valid UTF-8 stays UTF-8; anything else is read as windows-1252, what old Italian
 * portals and Office exports use). Returns the text and the encoding chosen.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string; declared?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]
  if (declared) {
    const label = declared.toLowerCase()
    // Browsers read a declared Latin-1 as windows-1252; so do we.
    const encoding = ['iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(label) ? 'windows-1252' : label
    // Declared UTF-8 but not UTF-8 (a page saved by an old editor): the bytes are read in
    // the encoding they fit, and the reader says so.
    if ((encoding === 'utf-8' || encoding === 'utf8') && !isUtf8(bytes)) return { ...decode(bytes, 'windows-1252'), declared: label }
    try {
      return decode(bytes, encoding)
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return decode(bytes, 'windows-1252')
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

function decode(bytes: Uint8Array, encoding: string): { text: string; encoding: string } {
  if (encoding === 'windows-1252' || encoding === 'cp1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  return { text: new TextDecoder(encoding).decode(bytes), encoding }
}

/**
 * The characters windows-1252 puts at 0x80-0x9F ("€", "–", "’", ...). Node's TextDecoder
 * reads that label as ISO-8859-1 and would turn them into control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    text += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
  }
  return text
}
