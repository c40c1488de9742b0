import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

export const bin = fileURLToPath(new URL('../../bin/perfplan.js', import.meta.url))

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the built command line; never rejects, gives the exit code and the streams. */
export async function perfplan(args: readonly string[], options: { cwd?: string } = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { maxBuffer: 1 << 26, ...options })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/**
 * Runs an ES module script in a fresh Node process (one where nothing has been loaded yet)
 * and gives what it printed, parsed as JSON.
 */
export function inFreshProcess(script: string, args: readonly string[] = []): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8' }))
}

/** Starts the command line without waiting for it (to signal it). */
export function startPerfplan(args: readonly string[]): ChildProcess {
  return spawn('node', [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Temporary folders made by a test file, removed by `removeTempDirs` in its afterAll. */
const made: string[] = []

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'perfplan-'))
  made.push(dir)
  return dir
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

/** Every file under a folder, as sorted paths relative to it. */
export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}
