import { crc32, inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ZipWriter } from '../src/emit/workbook/zip-writer.js'
import { zipEntries } from '../src/readers/zip.js'

function writer(rewrite?: (name: string, xml: string) => string): ZipWriter {
  return ZipWriter.takeOver(new ExcelJS.stream.xlsx.WorkbookWriter({}), rewrite)
}

/** Each entry's name, flags and inflated text, checked against its CRC and sizes. */
function contents(zip: Uint8Array): { name: string; flags: number; text: string }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  return (zipEntries(zip) ?? []).map((entry) => {
    const nameLength = view.getUint16(entry.offset + 26, true)
    const start = entry.offset + 30 + nameLength + view.getUint16(entry.offset + 28, true)
    const data = inflateRawSync(zip.subarray(start, start + entry.compressedSize))
    expect([entry.name, data.length, crc32(data)]).toEqual([entry.name, entry.uncompressedSize, view.getUint32(entry.offset + 14, true)])
    return { name: entry.name, flags: view.getUint16(entry.offset + 6, true), text: data.toString('utf8') }
  })
}

describe('the workbook zip', () => {
  it('holds the parts in the order the writer added them, a part written piece by piece with all that was written to it', async () => {
    const zip = writer((name, xml) => (name === 'xl/workbook.xml' ? xml.replace('<calcPr/>', '<calcPr fullCalcOnLoad="1"/>') : xml))
    const sheet = zip.openPart('/xl/worksheets/sheet1.xml')
    zip.append('<workbook><calcPr/></workbook>', { name: '/xl/workbook.xml' })
    zip.append(Buffer.from('<types/>'), { name: '[Content_Types].xml' })
    // exceljs writes text, bytes, and its StringBuf (whose buffer holds more than its length).
    sheet.write('<worksheet>')
    sheet.write(Buffer.from('<row r="1"/>'))
    sheet.write({ length: 12, buffer: Buffer.from('<row r="2"/>+unused') })
    // Past the part's first 4 KiB, in characters of two bytes.
    const long = `<row r="3"><c t="inlineStr"><is><t>${'perché '.repeat(1000)}</t></is></c></row>`
    sheet.write(long)
    let zipped = false
    sheet.on('zipped', () => (zipped = true))
    sheet.end('</worksheet>')
    expect(zipped).toBe(true)
    zip.finalize()
    const entries = contents(await zip.bytes())
    // The writer's two parts from when it was made come first.
    expect(entries.map((entry) => entry.name)).toEqual(['xl/theme/theme1.xml', '_rels/.rels', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml', '[Content_Types].xml'])
    expect(entries.slice(2).map((entry) => entry.text)).toEqual([
      `<worksheet><row r="1"/><row r="2"/>${long}</worksheet>`,
      '<workbook><calcPr fullCalcOnLoad="1"/></workbook>',
      '<types/>',
    ])
  })

  it('marks a name beyond ASCII as UTF-8, and no other', async () => {
    const zip = writer()
    zip.append('a', { name: 'xl/media/perù.txt' })
    zip.finalize()
    const flags = contents(await zip.bytes()).map((entry) => [entry.name, entry.flags])
    expect(flags).toEqual([
      ['xl/theme/theme1.xml', 0],
      ['_rels/.rels', 0],
      ['xl/media/perù.txt', 0x0800],
    ])
  })

  it('has no bytes before the writer has committed the workbook, and takes no files', () => {
    const zip = writer()
    expect(() => zip.bytes()).toThrow('the workbook has not been committed')
    expect(() => zip.file('/tmp/logo.png', { name: 'xl/media/logo.png' })).toThrow('the workbook cannot hold files (xl/media/logo.png)')
  })
})
