import { tooLarge, mib } from './too-large.js'
import { constants, inflateRawSync } from 'node:zlib'
import { dataStart, zipDirectory, type ZipEntry } from '../util/zip-directory.js'

export type { ZipEntry }

/**
 * Bounds checked on a .docx or .xlsx before it is inflated, from the sizes its central
 * directory declares: the whole content at most `totalBytes`, and no part larger than
 * `ratioFrom` bytes that inflates more than `ratio` times (a decompression bomb: real
 * Office parts compress about 5 to 20 times).
 */
export const ZIP_LIMITS = { totalBytes: 256 * 1024 * 1024, ratio: 100, ratioFrom: 8 * 1024 * 1024 }

/** The entries of a zip's central directory; null when there is none (a cut or damaged file). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  return zipDirectory(bytes)?.entries ?? null
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
  const start = dataStart(view, entry)
  const data = bytes.subarray(start, start + Math.min(entry.compressedSize, compressedBytes))
  try {
    const head = entry.method === 0 ? data : inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH })
    return new TextDecoder('utf-8').decode(head)
  } catch {
    return ''
  }
}


