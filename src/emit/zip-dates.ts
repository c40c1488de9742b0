/**
 * Sets every entry of a zip to one fixed modification time, in place, so the same
 * content always gives the same bytes (zip writers stamp entries with the current time).
 * Walks the central directory and patches each entry and its local header.
 */
export function fixZipDates(zip: Uint8Array, date = { year: 2000, month: 1, day: 1 }): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day
  for (let end = zip.length - 22; end >= Math.max(0, zip.length - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue
    const count = view.getUint16(end + 10, true)
    let entry = view.getUint32(end + 16, true)
    for (let i = 0; i < count; i++) {
      if (view.getUint32(entry, true) !== 0x02014b50) break
      view.setUint16(entry + 12, 0, true)
      view.setUint16(entry + 14, dosDate, true)
      const local = view.getUint32(entry + 42, true)
      if (view.getUint32(local, true) === 0x04034b50) {
        view.setUint16(local + 10, 0, true)
        view.setUint16(local + 12, dosDate, true)
      }
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true)
    }
    break
  }
  return zip
}
