import { Writable } from 'node:stream'
import { promisify } from 'node:util'
import { crc32, deflateRaw } from 'node:zlib'
import type ExcelJS from 'exceljs'

const deflate = promisify(deflateRaw)

/** The date every entry carries, so the same content gives the same bytes: 2000-01-01 00:00 (DOS format). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1
/** The zip format's limit on entries without its 64-bit extension; a workbook has four parts a sheet at most. */
const MAX_ENTRIES = 0xffff

/** A part exceljs writes out piece by piece (its StreamBuf): buffered until it ends. */
interface PartStream {
  pause(): void
  read(): Buffer
  on(event: 'finish', listener: () => void): unknown
}

/** One part as it goes in the zip. */
interface Entry {
  name: Buffer
  crc: number
  size: number
  data: Buffer
}

/**
 * The zip of the corrected workbook, in place of the archiver exceljs's streaming writer
 * makes for itself. The writer hands over each part as it is written (sheets as they are
 * committed); each is deflated by Node's zlib on its own thread as soon as it is complete, so
 * the writer goes on to the next sheet meanwhile and no part is held past its deflating. The
 * zip is put together at the end: every entry dated 2000-01-01, sizes and checksums in the
 * local headers, parts in the order the writer added them.
 *
 * exceljs (4.x) has no setting for its zip: its writer's `zip` and `stream` are replaced right
 * after it is made, and the two parts it added while being made (the theme and the package
 * relationships) are added again here.
 */
export class ZipWriter {
  readonly #entries: Promise<Entry>[] = []
  readonly #rewrite: (name: string, xml: string) => string
  #failed: ((error: Error) => void)[] = []
  /** Ends when the zip is complete: exceljs waits for its output stream to finish. */
  readonly #output = new Writable({ write: (_chunk, _encoding, done) => done() })
  #bytes: Promise<Buffer> | null = null

  private constructor(rewrite: (name: string, xml: string) => string) {
    this.#rewrite = rewrite
  }

  /** Takes over the zip of a workbook writer just made; `rewrite` may change a text part ("xl/workbook.xml") as it is added. */
  static takeOver(workbook: ExcelJS.stream.xlsx.WorkbookWriter, rewrite: (name: string, xml: string) => string = (_name, xml) => xml): ZipWriter {
    const zip = new ZipWriter(rewrite)
    const writer = workbook as unknown as { zip: unknown; stream: unknown; addThemes(): Promise<void>; addOfficeRels(): Promise<void> }
    writer.zip = zip
    writer.stream = zip.#output
    void writer.addThemes()
    void writer.addOfficeRels()
    return zip
  }

  /** exceljs's call: a part given whole (text or bytes) or as a stream it goes on writing. */
  append(source: string | Buffer | PartStream, options: { name: string }): this {
    if (this.#entries.length >= MAX_ENTRIES) throw new Error(`the workbook has more than ${MAX_ENTRIES} parts`)
    const name = options.name.replace(/^\//, '')
    let entry: Promise<Entry>
    if (typeof source === 'string') entry = entryOf(name, Buffer.from(this.#rewrite(name, source), 'utf8'))
    else if (Buffer.isBuffer(source)) entry = entryOf(name, source)
    else {
      source.pause() // no 'data' events: the stream keeps what is written until it ends
      entry = new Promise<Buffer>((resolve) => source.on('finish', () => resolve(source.read() ?? Buffer.alloc(0)))).then((data) => entryOf(name, data))
    }
    entry.catch(() => {}) // a failure is met by finalize, which waits for every entry
    this.#entries.push(entry)
    return this
  }

  /** exceljs's call for media read from a file: the workbook has none. */
  file(_path: string, options: { name: string }): never {
    throw new Error(`the workbook cannot hold files (${options.name})`)
  }

  /** exceljs listens for the zip's errors. */
  on(event: string, listener: (error: Error) => void): this {
    if (event === 'error') this.#failed.push(listener)
    return this
  }

  /** exceljs's last call: every part is added. */
  finalize(): void {
    this.#bytes = Promise.all(this.#entries).then(zipOf)
    this.#bytes.then(
      () => this.#output.end(),
      (error: Error) => {
        for (const listener of this.#failed) listener(error)
        this.#failed = []
      },
    )
  }

  /** The zip's bytes, once exceljs's writer has committed the workbook. */
  bytes(): Promise<Buffer> {
    if (!this.#bytes) throw new Error('the workbook has not been committed')
    return this.#bytes
  }
}

async function entryOf(name: string, content: Buffer): Promise<Entry> {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(content), size: content.length, data: await deflate(content) }
}

/** «Made by» a Unix zip writer of version 4.5, and each part an ordinary file (mode 644, archive bit): as exceljs's archiver marks them. */
const MADE_BY = (3 << 8) | 45
const FILE_ATTRIBUTES = ((0o100644 << 16) | 0x20) >>> 0

const LOCAL = 30
const CENTRAL = 46
const END = 22

/** The zip file of deflated entries: local headers and data, then the central directory. */
function zipOf(entries: Entry[]): Buffer {
  const localSize = entries.reduce((sum, entry) => sum + LOCAL + entry.name.length + entry.data.length, 0)
  const centralSize = entries.reduce((sum, entry) => sum + CENTRAL + entry.name.length, 0)
  const zip = Buffer.alloc(localSize + centralSize + END)
  let at = 0
  const offsets: number[] = []
  for (const entry of entries) {
    offsets.push(at)
    zip.writeUInt32LE(0x04034b50, at)
    writeCommon(zip, at + 4, entry)
    at += LOCAL
    at += entry.name.copy(zip, at)
    at += entry.data.copy(zip, at)
  }
  entries.forEach((entry, i) => {
    zip.writeUInt32LE(0x02014b50, at)
    zip.writeUInt16LE(MADE_BY, at + 4)
    writeCommon(zip, at + 6, entry)
    // comment length, disk and internal attributes: 0
    zip.writeUInt32LE(FILE_ATTRIBUTES, at + 38)
    zip.writeUInt32LE(offsets[i] as number, at + 42)
    at += CENTRAL
    at += entry.name.copy(zip, at)
  })
  zip.writeUInt32LE(0x06054b50, at)
  zip.writeUInt16LE(entries.length, at + 8)
  zip.writeUInt16LE(entries.length, at + 10)
  zip.writeUInt32LE(centralSize, at + 12)
  zip.writeUInt32LE(localSize, at + 16)
  return zip
}

/** The fields local header and directory record share, from "version needed" to the extra field's length. */
function writeCommon(zip: Buffer, at: number, entry: Entry): void {
  zip.writeUInt16LE(20, at) // version needed: 2.0, deflate
  zip.writeUInt16LE(entry.name.some((byte) => byte > 0x7f) ? 0x0800 : 0, at + 2) // flags: a name beyond ASCII is in UTF-8
  zip.writeUInt16LE(8, at + 4) // deflated
  zip.writeUInt16LE(0, at + 6) // 00:00
  zip.writeUInt16LE(DOS_DATE, at + 8)
  zip.writeUInt32LE(entry.crc, at + 10)
  zip.writeUInt32LE(entry.data.length, at + 14)
  zip.writeUInt32LE(entry.size, at + 18)
  zip.writeUInt16LE(entry.name.length, at + 22)
  zip.writeUInt16LE(0, at + 24) // no extra field
}
