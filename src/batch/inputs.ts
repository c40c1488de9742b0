import { readdir, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { UsageError } from '../errors.js'

/** The extensions a directory walk picks up (a file named on the command line is read whatever its name). */
export const INPUT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.xlsx']

/** One input file and the name its outputs take under OUT ("sub/name.ext"). */
export interface Input {
  path: string
  name: string
}

/** Expands the command line's files and directories (walked recursively, in name order). */
export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) throw new UsageError(`no such file or directory: ${path}`)
    if (info.isDirectory()) {
      for (const file of await walk(path)) inputs.push({ path: file, name: relative(path, file).split('\\').join('/') })
    } else inputs.push({ path, name: basename(path) })
  }
  return inputs
}

async function walk(directory: string): Promise<string[]> {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) files.push(...(await walk(path)))
    else if (entry.isFile() && INPUT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) files.push(path)
  }
  return files
}
