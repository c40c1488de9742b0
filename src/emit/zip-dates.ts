import { zipDirectory } from '../util/zip-directory.js'

/**
 * Sets every entry of a zip to one fixed modification time, in place, so the same content
 * always gives the same bytes (zip writers stamp entries with the current time): in each
 * entry's record in the central directory and in its local header.
 */
export function fixZipDates(zip: Uint8Array, date = { year: 2000, month: 1, day: 1 }): Uint8Array {
  const directory = zipDirectory(zip)
  if (!directory) throw new Error('the written workbook has no zip directory')
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day
  for (const entry of directory.entries) {
    view.setUint16(entry.record + 12, 0, true)
    view.setUint16(entry.record + 14, dosDate, true)
    if (view.getUint32(entry.offset, true) === 0x04034b50) {
      view.setUint16(entry.offset + 10, 0, true)
      view.setUint16(entry.offset + 12, dosDate, true)
    }
  }
  return zip
}
