/** One entry of a zip's central directory, as listed before anything is inflated. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Where its local header starts. */
  offset: number
  /** Where its record in the central directory starts. */
  record: number
}

/** A zip's central directory: its entries and where its end record starts. */
export interface ZipDirectory {
  entries: ZipEntry[]
  end: number
}

/** The central directory of a zip; null when there is none (a cut or damaged file). */
export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits in the last 64 KiB (its comment may follow it).
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue
    const count = view.getUint16(end + 10, true)
    let record = view.getUint32(end + 16, true)
    const entries: ZipEntry[] = []
    const latin1 = new TextDecoder('latin1')
    const utf8 = new TextDecoder('utf-8')
    for (let i = 0; i < count && record + 46 <= bytes.length; i++) {
      if (view.getUint32(record, true) !== 0x02014b50) return null
      const nameLength = view.getUint16(record + 28, true)
      // Bit 11 of the flags: the name is UTF-8 (else the old DOS code page, read as Latin-1).
      const names = view.getUint16(record + 8, true) & 0x0800 ? utf8 : latin1
      entries.push({
        name: names.decode(bytes.subarray(record + 46, record + 46 + nameLength)),
        method: view.getUint16(record + 10, true),
        compressedSize: view.getUint32(record + 20, true),
        uncompressedSize: view.getUint32(record + 24, true),
        offset: view.getUint32(record + 42, true),
        record,
      })
      record += recordLength(view, record)
    }
    return entries.length === count ? { entries, end } : null
  }
  return null
}

/** The length of a central directory record: its fixed part, name, extra field and comment. */
export function recordLength(view: DataView, record: number): number {
  return 46 + view.getUint16(record + 28, true) + view.getUint16(record + 30, true) + view.getUint16(record + 32, true)
}

/** Where an entry's data starts: after its local header, name and extra field. */
export function dataStart(view: DataView, entry: ZipEntry): number {
  return entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
}
