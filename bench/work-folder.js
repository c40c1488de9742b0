// The one temporary folder of a benchmark: everything it writes goes under it, and it is
// removed when the benchmark ends, fails, or is stopped with Ctrl+C or SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Makes the folder (named `prefix` + random) and arranges its removal on a signal; `remove` is for the end and errors. */
export function workFolder(prefix) {
  const path = mkdtempSync(join(tmpdir(), prefix))
  const remove = () => rmSync(path, { recursive: true, force: true })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      remove()
      process.exit(130)
    })
  }
  return { path, remove }
}
