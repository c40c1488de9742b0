import { EventEmitter } from 'node:events'
import { Writable } from 'node:stream'
import { promisify } from 'node:util'
import { crc32, deflateRaw } from 'node:zlib'
import type ExcelJS from 'exceljs'

const deflate = promisify(deflateRaw)

/** The date every entry carries, so the same content gives the same bytes: 2000-01-01 00:00 (DOS format). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1
/** The zip format's limit on entries without its 64-bit extension; a workbook has four parts a sheet at most. */
const MAX_ENTRIES = 0xffff

/** exceljs's StringBuf, which its sheet writer fills and hands over (and then reuses). */
interface StringBuf {
  readonly length: number
  readonly buffer: Buffer
}

/**
 * A part exceljs writes piece by piece (a sheet, its comments, its relationships), in place of
 * the StreamBuf its writer opens for each: that one takes 64 KiB for the smallest part and
 * copies its content three times before it can be read. Here each piece is copied once, into
 * one buffer grown as needed, and the part is handed to the zip when exceljs ends it.
 */
export class PartWriter extends EventEmitter {
  #bytes = Buffer.allocUnsafe(4096)
  #length = 0
  readonly #ended: (content: Buffer) => void

  constructor(ended: (content: Buffer) => void) {
    super()
    this.#ended = ended
  }

  /** exceljs's sheet writer pauses its stream so it keeps what is written: this one always does. */
  pause(): this {
    return this
  }

  write(data: string | Buffer | StringBuf, encoding?: unknown, callback?: () => void): boolean {
    if (typeof data === 'string') {
      this.#room(data.length * 3) // at most 3 bytes of UTF-8 for each UTF-16 unit
      this.#length += this.#bytes.write(data, this.#length, 'utf8')
    } else {
      const bytes = Buffer.isBuffer(data) ? data : data.buffer.subarray(0, data.length)
      this.#room(bytes.length)
      this.#length += bytes.copy(this.#bytes, this.#length)
    }
    ;(typeof encoding === 'function' ? encoding : callback)?.()
    return true
  }

  end(data?: string | Buffer | StringBuf, encoding?: unknown, callback?: () => void): this {
    if (data !== undefined && typeof data !== 'function') this.write(data)
    this.#ended(this.#bytes.subarray(0, this.#length))
    // exceljs waits for 'zipped' (its writer's own streams say so once they are finished).
    this.emit('finish')
    this.emit('zipped')
    ;(typeof data === 'function' ? data : typeof encoding === 'function' ? encoding : callback)?.()
    return this
  }

  #room(needed: number): void {
    if (this.#length + needed <= this.#bytes.length) return
    let size = this.#bytes.length * 2
    while (size < this.#length + needed) size *= 2
    const grown = Buffer.allocUnsafe(size)
    this.#bytes.copy(grown, 0, 0, this.#length)
    this.#bytes = grown
  }
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
 * exceljs (4.x) has no setting for its zip: its writer's `zip`, `stream` and `_openStream` (the
 * parts it writes piece by piece, see PartWriter) are replaced right after it is made, and the
 * two parts it added while being made (the theme and the package relationships) are added
 * again here.
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
    const writer = workbook as unknown as { zip: unknown; stream: unknown; _openStream(path: string): PartWriter; addThemes(): Promise<void>; addOfficeRels(): Promise<void> }
    writer.zip = zip
    writer.stream = zip.#output
    writer._openStream = (path) => zip.openPart(path)
    void writer.addThemes()
    void writer.addOfficeRels()
    return zip
  }

  /** exceljs's call: a part given whole, as text or bytes. */
  append(source: string | Buffer, options: { name: string }): this {
    const name = partName(options.name)
    this.#add(entryOf(name, typeof source === 'string' ? Buffer.from(this.#rewrite(name, source), 'utf8') : source))
    return this
  }

  /** A part exceljs goes on writing (its writer's `_openStream`): it is deflated once it ends. */
  openPart(path: string): PartWriter {
    const name = partName(path)
    let ended: (content: Buffer) => void = () => {}
    this.#add(new Promise<Buffer>((resolve) => (ended = resolve)).then((content) => entryOf(name, content)))
    return new PartWriter(ended)
  }

  #add(entry: Promise<Entry>): void {
    if (this.#entries.length >= MAX_ENTRIES) throw new Error(`the workbook has more than ${MAX_ENTRIES} parts`)
    entry.catch(() => {}) // a failure is met by finalize, which waits for every entry
    this.#entries.push(entry)
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

/** The zip's name of a part: exceljs writes some with a leading slash. */
function partName(path: string): string {
  return path.replace(/^\//, '')
}

async function entryOf(name: string, content: Buffer): Promise<Entry> {
  const deflated = await deflate(content)
  // zlib gives a small result as a view of its 16 KiB output buffer: copied, the part keeps
  // only its own bytes until the zip is put together (a workbook has hundreds of parts).
  const data = deflated.byteLength === deflated.buffer.byteLength ? deflated : Buffer.from(deflated)
  return { name: Buffer.from(name, 'utf8'), crc: crc32(content), size: content.length, data }
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
