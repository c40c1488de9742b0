import { rmSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Temporary files being written now: an interrupted run removes them before it exits. */
const inFlight = new Set<string>()
let counter = 0

/**
 * Writes through a temporary file beside the target, named uniquely for this process and
 * write, then renames it: no half-written output is ever left, and two writes never share
 * a temporary file.
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}-${++counter}.tmp`
  inFlight.add(temporary)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  } finally {
    inFlight.delete(temporary)
  }
}

/** Removes the temporary files of writes still under way (synchronously: called on SIGINT/SIGTERM). */
export function removeTemporaryFiles(): void {
  for (const temporary of inFlight) rmSync(temporary, { force: true })
  inFlight.clear()
}
