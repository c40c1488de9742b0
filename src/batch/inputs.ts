import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { UsageError } from '../errors.js'

/** The extensions a directory walk picks up (a file named on the command line is read whatever its name). */
export const INPUT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.xlsx']

/**
 * Office formats perfplan does not read, with the LibreOffice conversion that makes them
 * readable (`soffice --headless --convert-to <target> <file>`).
 */
export const CONVERTIBLE_EXTENSIONS: Readonly<Record<string, string>> = {
  '.doc': 'docx',
  '.odt': 'docx',
  '.rtf': 'docx',
  '.xls': 'xlsx',
  '.ods': 'xlsx',
}

/** Archives: their plans must be extracted first. */
export const ARCHIVE_EXTENSIONS = ['.zip', '.7z', '.rar']

/** One input file and the name its outputs take under OUT ("sub/name.ext"). */
export interface Input {
  path: string
  name: string
  /** The path's bytes, when the file's name is not valid UTF-8 (`path` then shows it read as Latin-1). */
  rawPath?: Uint8Array
  /** A file found under an input folder in a format perfplan does not read: it fails with this reason. */
  refusal?: { rule: 'UNSUPPORTED_FORMAT'; message: string }
}

/** A path under an input folder that is not a document: listed in batch.json, never read. */
export interface IgnoredPath {
  path: string
  reason: string
}

/** What the command line's arguments expand to. */
export interface InputSet {
  /** The documents to import, and the office files and archives perfplan does not read (with their refusal). */
  inputs: Input[]
  /** Files of formats perfplan does not read that a conversion makes readable (path -> target format). */
  convertible: { path: string; target: string }[]
  /** Other files, folders that cannot be read, links that lead back into a folder already walked. */
  ignored: IgnoredPath[]
}

export interface CollectOptions {
  /** The output folder: it and everything in it are never inputs. */
  out?: string
}

/**
 * Expands the command line's files, directories (walked recursively, in name order) and
 * quoted glob patterns. Output names mirror the inputs' folders relative to the common
 * root of all arguments, so `a/piano.html` and `b/piano.html` keep apart; names that would
 * still collide (they differ only in case) are put under the argument's number
 * ("2/piano.html"). The same file reached twice is imported once.
 */
export async function collectInputs(paths: readonly string[], options: CollectOptions = {}): Promise<Input[]> {
  return (await collectInputSet(paths, options)).inputs
}

export async function collectInputSet(paths: readonly string[], options: CollectOptions = {}): Promise<InputSet> {
  const out = options.out ? await canonical(resolve(options.out)) : null
  const found: { path: string; argument: number; base: string; refusal?: Input['refusal']; rawPath?: Uint8Array }[] = []
  const ignored: IgnoredPath[] = []
  for (const [argument, path] of paths.entries()) {
    const walked = await expandArgument(path)
    const raw = (file: string) => (walked.raw.has(file) ? { rawPath: walked.raw.get(file) as Uint8Array } : {})
    for (const file of walked.files) found.push({ path: file, argument, base: walked.base, ...raw(file) })
    for (const file of walked.unsupported) found.push({ path: file, argument, base: walked.base, refusal: unsupportedOf(file) as Input['refusal'], ...raw(file) })
    ignored.push(...walked.ignored)
  }
  const root = commonRoot(found.map((file) => file.base))
  const seen = new Set<string>()
  const names = new Set<string>()
  const inputs: Input[] = []
  for (const file of found) {
    const real = file.rawPath ? file.path : await canonical(file.path)
    if (seen.has(real)) continue
    if (out && isInside(real, out)) continue
    seen.add(real)
    let name = toPosix(relative(root, file.path))
    if (names.has(foldName(name))) name = `${file.argument + 1}/${name}`
    names.add(foldName(name))
    inputs.push({ path: file.path, name, ...(file.refusal ? { refusal: file.refusal } : {}), ...(file.rawPath ? { rawPath: file.rawPath } : {}) })
  }
  // In name order, whatever the argument they came from; the refused ones among the others.
  inputs.sort((a, b) => byCodePoint(a.name, b.name))
  const convertible = inputs.filter((input) => input.refusal).flatMap((input) => convertibleOf(input.path))
  const kept = ignored.filter((entry) => !out || !isInside(resolve(entry.path), out)).sort((a, b) => byCodePoint(a.path, b.path))
  return { inputs, convertible, ignored: kept }
}

/** One argument: a file, a folder to walk, or a glob pattern. Paths come back absolute. */
async function expandArgument(path: string): Promise<Walked & { base: string }> {
  const absolute = resolve(path)
  const info = await stat(absolute).catch(() => null)
  if (info?.isDirectory()) return { ...(await walk(absolute)), base: absolute }
  // A file named on the command line is read whatever its name.
  if (info) return { files: [absolute], unsupported: [], ignored: [], raw: new Map(), base: dirname(absolute) }
  if (isDynamicPattern(path)) {
    // A quoted pattern (shells on Windows do not expand them): matched files in name order.
    const matched = (await glob(path, { absolute: true, onlyFiles: true, expandDirectories: false })).map((file) => resolve(file)).sort(byCodePoint)
    if (matched.length === 0) throw new UsageError(`no file matches ${path}`)
    const files = matched.filter(isInputName)
    const unsupported = matched.filter((file) => !isInputName(file) && unsupportedOf(file))
    const base = commonRoot([...files, ...unsupported].map((file) => dirname(file)))
    return { files, unsupported, ignored: [], raw: new Map(), base: files.length + unsupported.length > 0 ? base : process.cwd() }
  }
  throw new UsageError(`no such file or directory: ${path}`)
}

async function walk(directory: string): Promise<Walked> {
  const walked: Walked = { files: [], unsupported: [], ignored: [], raw: new Map() }
  const visited = new Set<string>([await canonical(directory)])
  // Iterative, depth first, in name order: deep trees cannot overflow the stack.
  const pending = [directory]
  while (pending.length > 0) {
    const folder = pending.pop() as string
    const entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' }).catch((error: NodeJS.ErrnoException) => {
      walked.ignored.push({ path: folder, reason: `cartella non leggibile (${error.code ?? error.message})` })
      return []
    })
    const subfolders: string[] = []
    for (const raw of entries.map(named).sort((a, b) => byCodePoint(a.name, b.name))) {
      const { entry } = raw
      const path = resolve(folder, raw.name)
      if (raw.bytes) {
        // A name that is not UTF-8 (an archive from an old Windows machine): read through its
        // bytes, shown as Latin-1.
        if (entry.isFile() && (isInputName(raw.name) || unsupportedOf(path))) {
          const bytes = Buffer.concat([Buffer.from(`${folder}${sep}`), raw.bytes])
          if (isInputName(raw.name)) walked.files.push(path)
          else walked.unsupported.push(path)
          walked.raw.set(path, bytes)
        } else walked.ignored.push({ path, reason: 'nome non in UTF-8, non letto' })
        continue
      }
      let isDirectory = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        // A link is followed once: to a file, or to a folder not walked yet.
        const target = await stat(path).catch(() => null)
        if (!target) {
          walked.ignored.push({ path, reason: 'collegamento a un file che non esiste' })
          continue
        }
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      }
      if (isDirectory) {
        const real = await canonical(path)
        if (visited.has(real)) walked.ignored.push({ path, reason: 'collegamento a una cartella già letta' })
        else {
          visited.add(real)
          subfolders.push(path)
        }
      } else if (isFile && isInputName(raw.name)) walked.files.push(path)
      else if (isFile && unsupportedOf(path)) walked.unsupported.push(path)
      else if (isFile) walked.ignored.push({ path, reason: 'non è un documento (formati letti: .pdf .docx .html .htm .xlsx)' })
      else walked.ignored.push({ path, reason: 'non è un file regolare' })
    }
    pending.push(...subfolders.reverse())
  }
  walked.files.sort(byCodePoint)
  return walked
}

interface Walked {
  files: string[]
  unsupported: string[]
  ignored: IgnoredPath[]
  /** The bytes of the paths whose names are not UTF-8. */
  raw: Map<string, Uint8Array>
}

/** A directory entry with its name as text, and its bytes when they are not UTF-8. */
function named(entry: Dirent<Buffer>): { entry: Dirent<Buffer>; name: string; bytes: Buffer | null } {
  try {
    return { entry, name: new TextDecoder('utf-8', { fatal: true }).decode(entry.name), bytes: null }
  } catch {
    return { entry, name: entry.name.toString('latin1'), bytes: entry.name }
  }
}

/** The refusal of an office file or archive perfplan does not read, with what makes it readable. */
function unsupportedOf(path: string): Input['refusal'] | null {
  const lower = path.toLowerCase()
  const archive = ARCHIVE_EXTENSIONS.find((extension) => lower.endsWith(extension))
  if (archive) return { rule: 'UNSUPPORTED_FORMAT', message: `Un archivio ${archive} non si importa: i piani vanno estratti e importati dalla cartella che li contiene.` }
  const convertible = convertibleOf(path)[0]
  if (!convertible) return null
  const extension = lower.slice(lower.lastIndexOf('.'))
  return {
    rule: 'UNSUPPORTED_FORMAT',
    message: `Il formato ${extension} non si legge direttamente: convertirlo in .${convertible.target} con «${convertCommand(convertible)}» e importare il file convertito.`,
  }
}

/** The LibreOffice command that turns a file perfplan does not read into one it reads. */
export function convertCommand(file: { path: string; target: string }): string {
  return `soffice --headless --convert-to ${file.target} --outdir ${shellQuote(dirname(file.path))} ${shellQuote(file.path)}`
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`
}

function isInputName(path: string): boolean {
  const lower = path.toLowerCase()
  return INPUT_EXTENSIONS.some((extension) => lower.endsWith(extension))
}

function convertibleOf(path: string): InputSet['convertible'] {
  const lower = path.toLowerCase()
  const extension = Object.keys(CONVERTIBLE_EXTENSIONS).find((ext) => lower.endsWith(ext))
  return extension ? [{ path, target: CONVERTIBLE_EXTENSIONS[extension] as string }] : []
}

/** The deepest folder that holds every given folder. */
function commonRoot(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd()
  let root = (folders[0] as string).split(sep)
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep)
    let n = 0
    while (n < root.length && n < parts.length && root[n] === parts[n]) n++
    root = root.slice(0, n)
  }
  return root.join(sep) || sep
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => path)
}

function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
