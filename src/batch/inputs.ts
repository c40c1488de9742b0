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

/** One input file and the name its outputs take under OUT ("sub/name.ext"). */
export interface Input {
  path: string
  name: string
}

/** What the command line's arguments expand to. */
export interface InputSet {
  inputs: Input[]
  /** Files of formats perfplan does not read that a conversion makes readable (path -> target format). */
  convertible: { path: string; target: string }[]
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
  const found: { path: string; argument: number; base: string }[] = []
  const convertible: InputSet['convertible'] = []
  for (const [argument, path] of paths.entries()) {
    const files = await expandArgument(path)
    for (const file of files.files) found.push({ path: file, argument, base: files.base })
    convertible.push(...files.convertible)
  }
  const root = commonRoot(found.map((file) => file.base))
  const seen = new Set<string>()
  const names = new Set<string>()
  const inputs: Input[] = []
  for (const file of found) {
    const real = await canonical(file.path)
    if (seen.has(real)) continue
    if (out && isInside(real, out)) continue
    seen.add(real)
    let name = toPosix(relative(root, file.path))
    if (names.has(foldName(name))) name = `${file.argument + 1}/${name}`
    names.add(foldName(name))
    inputs.push({ path: file.path, name })
  }
  const unread = convertible.filter((file) => !out || !isInside(resolve(file.path), out)).sort((a, b) => byCodePoint(a.path, b.path))
  return { inputs, convertible: unread }
}

/** One argument: a file, a folder to walk, or a glob pattern. Paths come back absolute. */
async function expandArgument(path: string): Promise<{ files: string[]; base: string; convertible: InputSet['convertible'] }> {
  const absolute = resolve(path)
  const info = await stat(absolute).catch(() => null)
  if (info?.isDirectory()) return { ...(await walk(absolute)), base: absolute }
  if (info) return { files: [absolute], base: dirname(absolute), convertible: [] }
  if (isDynamicPattern(path)) {
    // A quoted pattern (shells on Windows do not expand them): matched files in name order.
    const matched = (await glob(path, { absolute: true, onlyFiles: true, expandDirectories: false })).map((file) => resolve(file)).sort(byCodePoint)
    const files = matched.filter(isInputName)
    if (files.length === 0 && matched.length === 0) throw new UsageError(`no file matches ${path}`)
    return { files, base: files.length > 0 ? commonRoot(files.map((file) => dirname(file))) : process.cwd(), convertible: matched.flatMap(convertibleOf) }
  }
  throw new UsageError(`no such file or directory: ${path}`)
}

async function walk(directory: string): Promise<{ files: string[]; convertible: InputSet['convertible'] }> {
  const files: string[] = []
  const convertible: InputSet['convertible'] = []
  // Iterative, depth first, in name order: deep trees cannot overflow the stack.
  const pending = [directory]
  while (pending.length > 0) {
    const folder = pending.pop() as string
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => byCodePoint(a.name, b.name))
    const subfolders: string[] = []
    for (const entry of entries) {
      const path = resolve(folder, entry.name)
      if (entry.isDirectory()) subfolders.push(path)
      else if (entry.isFile() && isInputName(entry.name)) files.push(path)
      else if (entry.isFile()) convertible.push(...convertibleOf(path))
    }
    pending.push(...subfolders.reverse())
  }
  return { files: files.sort(byCodePoint), convertible }
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
