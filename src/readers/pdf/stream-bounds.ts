import { tooLarge, mib } from '../too-large.js'
import { inflateSync } from 'node:zlib'

/**
 * What a PDF's compressed streams may inflate to: one stream at most `streamBytes`, all
 * together at most `totalBytes`. A plan's streams hold a few megabytes; a decompression
 * bomb (3 MB of zeros deflated a thousand times over) is refused before pdf.js inflates it,
 * as pdf.js keeps an inflated stream whole in memory.
 */
export const STREAM_LIMITS = { streamBytes: 128 * 1024 * 1024, totalBytes: 512 * 1024 * 1024 }

const STREAM = Buffer.from('stream')
const END = Buffer.from('endstream')

/**
 * Inflates every /FlateDecode stream of the file with a cap on its output, and refuses the
 * file with TOO_LARGE when a stream or their sum passes STREAM_LIMITS. Streams that do not
 * inflate cleanly are left for pdf.js to judge.
 */
export function checkStreamBounds(bytes: Uint8Array): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  let at = 0
  for (;;) {
    const keyword = data.indexOf(STREAM, at)
    if (keyword < 0) return
    at = keyword + STREAM.length
    // "endstream" contains "stream": only a keyword after a dictionary opens a stream.
    if (keyword >= 3 && data.subarray(keyword - 3, keyword).toString('latin1') === 'end') continue
    const dictionary = data.subarray(Math.max(0, keyword - 1024), keyword).toString('latin1')
    const open = dictionary.lastIndexOf('<<')
    if (open < 0 || !/\/FlateDecode/.test(dictionary.slice(open))) continue
    let start = at
    if (data[start] === 0x0d) start++
    if (data[start] === 0x0a) start++
    const end = data.indexOf(END, start)
    if (end < 0) return
    at = end + END.length
    let size: number
    try {
      size = inflateSync(data.subarray(start, end), { maxOutputLength: STREAM_LIMITS.streamBytes + 1 }).length
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(`un flusso compresso di ${mib(end - start)} MiB si espande oltre ${mib(STREAM_LIMITS.streamBytes)} MiB`)
      }
      continue // damaged or cut: pdf.js reads what it can
    }
    total += size
    if (total > STREAM_LIMITS.totalBytes) throw tooLarge(`i suoi flussi compressi si espandono oltre ${mib(STREAM_LIMITS.totalBytes)} MiB`)
  }
}


