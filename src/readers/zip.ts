import { tooLarge, mib } from './too-large.js'
import { constants, inflateRawSync } from 'node:zlib'

/** One entry of a zip's central directory, as listed before anything is inflated. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Where its local header starts. */
  offset: number
}

/**
 * Bounds checked on a .docx or .xlsx before it is inflated, from the sizes its central
 * directory declares: the whole content at most `totalBytes`, and no part larger than
 * `ratioFrom` bytes that inflates more than `ratio` times (a decompression bomb: real
 * Office parts compress about 5 to 20 times).
 */
export const ZIP_LIMITS = { totalBytes: 256 * 1024 * 1024, ratio: 100, ratioFrom: 8 * 1024 * 1024 }

/** The entries of a zip's central directory; null when there is none (a cut or damaged file). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits in the last 64 KiB (its comment may follow it).
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue
    const count = view.getUint16(at + 10, true)
    let entry = view.getUint32(at + 16, true)
    const entries: ZipEntry[] = []
    const latin1 = new TextDecoder('latin1')
    for (let i = 0; i < count && entry + 46 <= bytes.length; i++) {
      if (view.getUint32(entry, true) !== 0x02014b50) return null
      const nameLength = view.getUint16(entry + 28, true)
      const extraLength = view.getUint16(entry + 30, true)
      const commentLength = view.getUint16(entry + 32, true)
      entries.push({
        name: latin1.decode(bytes.subarray(entry + 46, entry + 46 + nameLength)),
        method: view.getUint16(entry + 10, true),
        compressedSize: view.getUint32(entry + 20, true),
        uncompressedSize: view.getUint32(entry + 24, true),
        offset: view.getUint32(entry + 42, true),
      })
      entry += 46 + nameLength + extraLength + commentLength
    }
    return entries.length === count ? entries : null
  }
  return null
}

/** Refuses, with TOO_LARGE, a zip whose declared content passes ZIP_LIMITS. */
export function checkZipBounds(entries: readonly ZipEntry[]): void {
  let total = 0
  for (const entry of entries) {
    // 0xFFFFFFFF: a size kept in a zip64 record, more than 4 GiB.
    if (entry.uncompressedSize === 0xffffffff) throw tooLarge(`la parte ${entry.name} supera i 4 GiB`)
    total += entry.uncompressedSize
    if (entry.uncompressedSize > ZIP_LIMITS.ratioFrom && entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.ratio) {
      throw tooLarge(`la parte ${entry.name} si espande da ${mib(entry.compressedSize)} a ${mib(entry.uncompressedSize)} MiB (più di ${ZIP_LIMITS.ratio} volte)`)
    }
  }
  if (total > ZIP_LIMITS.totalBytes) throw tooLarge(`il contenuto espanso è di ${mib(total)} MiB, oltre il limite di ${mib(ZIP_LIMITS.totalBytes)} MiB`)
}

/**
 * The first bytes of an entry, inflated without inflating the rest (for a sheet's
 * declared dimension). Empty when the entry cannot be read so.
 */
export function entryHead(bytes: Uint8Array, entry: ZipEntry, compressedBytes = 16_384): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) return ''
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
  const data = bytes.subarray(start, start + Math.min(entry.compressedSize, compressedBytes))
  try {
    const head = entry.method === 0 ? data : inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH })
    return new TextDecoder('utf-8').decode(head)
  } catch {
    return ''
  }
}


