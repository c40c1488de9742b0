import { deflateRawSync } from 'node:zlib'
import { dataStart, recordLength, zipDirectory } from '../util/zip-directory.js'

/** The date every entry of a written zip carries, so the same content gives the same bytes. */
const FIXED_DATE = { year: 2000, month: 1, day: 1 }

/**
 * Deflates the stored (uncompressed) entries of a zip with Node's zlib and dates every entry
 * 2000-01-01 00:00.
 *
 * The workbook is written by exceljs uncompressed and deflated here: exceljs deflates with pako,
 * zlib written in JavaScript, which took a third of the time of a 200-card workbook; Node's zlib
 * does the same in native code, at the same level (6). Zip writers also stamp each entry with the
 * current time, which would make every file differ.
 */
export function deflateZip(zip: Uint8Array, date = FIXED_DATE): Uint8Array {
  const directory = zipDirectory(zip)
  if (!directory) throw new Error('the written workbook has no zip directory')
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day
  const locals: Uint8Array[] = []
  const records: Uint8Array[] = []
  let offset = 0
  for (const entry of directory.entries) {
    const start = dataStart(view, entry)
    // Bit 3: sizes in a descriptor after the data, which a stored entry written whole has not.
    if (view.getUint16(entry.offset + 6, true) & 0x08) throw new Error(`zip entry ${entry.name} has a data descriptor`)
    const stored = zip.subarray(start, start + entry.compressedSize)
    const deflate = entry.method === 0 && !entry.name.endsWith('/')
    const data = deflate ? deflateRawSync(stored) : stored
    const header = zip.slice(entry.offset, start)
    const record = zip.slice(entry.record, entry.record + recordLength(view, entry.record))
    const local = new DataView(header.buffer)
    const central = new DataView(record.buffer)
    if (deflate) {
      local.setUint16(4, Math.max(20, local.getUint16(4, true)), true) // version needed: 2.0, deflate
      local.setUint16(8, 8, true)
      local.setUint32(18, data.length, true)
      central.setUint16(6, Math.max(20, central.getUint16(6, true)), true)
      central.setUint16(10, 8, true)
      central.setUint32(20, data.length, true)
    }
    local.setUint16(10, 0, true)
    local.setUint16(12, dosDate, true)
    central.setUint16(12, 0, true)
    central.setUint16(14, dosDate, true)
    central.setUint32(42, offset, true)
    locals.push(header, data)
    records.push(record)
    offset += header.length + data.length
  }
  const end = zip.slice(directory.end)
  const size = records.reduce((sum, record) => sum + record.length, 0)
  new DataView(end.buffer).setUint32(12, size, true)
  new DataView(end.buffer).setUint32(16, offset, true)
  return Buffer.concat([...locals, ...records, end])
}
