import { deflateRawSync } from 'node:zlib'
import { dataStart, recordLength, zipDirectory } from '../util/zip-directory.js'

/** The date every entry of a written zip carries, so the same content gives the same bytes. */
const FIXED_DATE = { year: 2000, month: 1, day: 1 }

/**
 * Deflates the stored (uncompressed) entries of a zip with Node's zlib, at its default level
 * (6), and dates every entry 2000-01-01 00:00.
 *
 * exceljs's streaming writer deflates each part through a zlib stream of its own as the zip
 * takes it; the writer then waits on the zip, and the 800 parts of a 200-card workbook cost
 * more in streams than in deflating. It writes them stored instead, and they are deflated here
 * in one pass. Each entry's sizes and checksum go in its local header (a streamed entry has them
 * in a descriptor after its data, which is dropped). Zip writers also stamp each entry with the
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
    const stored = zip.subarray(start, start + entry.compressedSize)
    const deflate = entry.method === 0 && !entry.name.endsWith('/')
    const data = deflate ? deflateRawSync(stored) : stored
    const header = copy(zip, entry.offset, start)
    const record = copy(zip, entry.record, entry.record + recordLength(view, entry.record))
    const local = new DataView(header.buffer)
    const central = new DataView(record.buffer)
    if (deflate) {
      local.setUint16(4, Math.max(20, local.getUint16(4, true)), true) // version needed: 2.0, deflate
      local.setUint16(8, 8, true)
      central.setUint16(6, Math.max(20, central.getUint16(6, true)), true)
      central.setUint16(10, 8, true)
      central.setUint32(20, data.length, true)
    }
    // Bit 3 of the flags: sizes and checksum in a descriptor after the data. They go in the header.
    local.setUint16(6, local.getUint16(6, true) & ~0x08, true)
    central.setUint16(8, central.getUint16(8, true) & ~0x08, true)
    local.setUint32(14, central.getUint32(16, true), true)
    local.setUint32(18, data.length, true)
    local.setUint32(22, central.getUint32(24, true), true)
    local.setUint16(10, 0, true)
    local.setUint16(12, dosDate, true)
    central.setUint16(12, 0, true)
    central.setUint16(14, dosDate, true)
    central.setUint32(42, offset, true)
    locals.push(header, data)
    records.push(record)
    offset += header.length + data.length
  }
  const end = copy(zip, directory.end, zip.length)
  const size = records.reduce((sum, record) => sum + record.length, 0)
  new DataView(end.buffer).setUint32(12, size, true)
  new DataView(end.buffer).setUint32(16, offset, true)
  return Buffer.concat([...locals, ...records, end])
}

/** A copy of a range of bytes (a Buffer's `slice` would share them). */
function copy(bytes: Uint8Array, from: number, to: number): Uint8Array {
  return new Uint8Array(bytes.subarray(from, to))
}
