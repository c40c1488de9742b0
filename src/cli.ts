import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { collectInputSet } from './batch/inputs.js'
import { runBatch, type BatchOptions, type BatchResult } from './batch/run.js'
import { removeTemporaryFiles } from './batch/atomic-write.js'
import type { DocumentDigest } from './batch/digest.js'
import { writeAuditReports } from './emit/audit/index.js'
import { isPerfplanError, UsageError } from './errors.js'
import { COMMANDS, parse, suggestion, wholeNumber, type ParsedArgs } from './cli/args.js'
import { HELP } from './cli/help.js'
import { Progress } from './cli/progress.js'
import { summaryText } from './cli/summary.js'
import { convertCommand, INPUT_EXTENSIONS } from './batch/inputs.js'

/** Exit statuses of a run stopped by a signal (128 + its number), as shells report them. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv)
  const [command, ...paths] = positionals
  if (values.version) {
    process.stdout.write(`${version()}\n`)
    return 0
  }
  if (values.help || command === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  switch (command) {
    case 'schema': {
      // The readers and the record's schema load only for the commands that need them:
      // `import` reads in worker threads, and its main thread stays light.
      const { planRecordJsonSchema } = await import('./model/record.js')
      process.stdout.write(`${JSON.stringify(planRecordJsonSchema(), null, 2)}\n`)
      return 0
    }
    case 'tables': {
      const { readDocument } = await import('./readers/index.js')
      const { tablesAsCsv, tablesAsJson } = await import('./emit/tables.js')
      if (paths.length !== 1) throw new UsageError('tables takes exactly one file')
      const document = await readDocument(
        await readFile(paths[0] as string).catch(() => {
          throw new UsageError(`no such file: ${paths[0]}`)
        }),
      )
      process.stdout.write(values.csv ? tablesAsCsv(document) : tablesAsJson(document))
      return 0
    }
    case 'import':
    case 'audit':
      return runImport(command, paths, values)
    case undefined:
      throw new UsageError('a command is needed: import, audit, schema or tables')
    default:
      throw new UsageError(`unknown command ${command}${suggestion(command, COMMANDS)}`)
  }
}

async function runImport(command: 'import' | 'audit', paths: string[], values: ParsedArgs['values']): Promise<number> {
  if (paths.length === 0) throw new UsageError(`${command} needs at least one file or folder`)
  const options: BatchOptions = {
    out: values.out,
    ...(values.concurrency !== undefined ? { concurrency: wholeNumber(values.concurrency, '--concurrency') } : {}),
    guards: {
      timeoutMs: wholeNumber(values.timeout, '--timeout') * 1000,
      maxBytes: wholeNumber(values['max-size'], '--max-size') * 1024 * 1024,
      maxMemoryMb: wholeNumber(values['max-memory'], '--max-memory', 64),
    },
    // Loaded only when asked for: their validation (zod) is 12 MB this thread does not otherwise need.
    ...(values.scheme ? { scheme: (await import('./settings/scheme.js')).loadScheme(values.scheme) } : {}),
    ...(values.areas ? { areas: (await import('./settings/areas.js')).loadAreas(values.areas) } : {}),
    workbook: command === 'import',
    skipExisting: values['skip-existing'],
  }
  const { inputs, convertible, ignored } = await collectInputSet(paths, { out: values.out })
  options.ignored = ignored
  if (inputs.every((input) => input.refusal)) {
    const hint = convertible.length > 0 ? `\n${convertible.map((file) => `  ${convertCommand(file)}`).join('\n')}\n(perfplan reads ${INPUT_EXTENSIONS.join(' ')}; the commands above convert what was found)` : ''
    process.stderr.write(`perfplan: nothing to import in ${paths.join(' ')}: no ${INPUT_EXTENSIONS.join(', ')} file${hint}\n`)
    return 2
  }

  const digests = new Map<string, DocumentDigest>()
  if (command === 'audit') options.onDigest = (name, digest) => digests.set(name, digest)
  const progress = new Progress(process.stderr, { quiet: values.quiet })
  options.onFileStart = (name) => progress.fileStarted(name)
  options.onFileDone = (result, done) => progress.fileDone(result, done)

  // SIGINT/SIGTERM: documents under way are abandoned and batch.json says the run was
  // interrupted; a second signal stops at once, removing the temporary files.
  const stop = new AbortController()
  let signalled: keyof typeof SIGNAL_EXIT | null = null
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
    if (signalled) {
      removeTemporaryFiles()
      process.exit(SIGNAL_EXIT[signal])
    }
    signalled = signal
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  options.signal = stop.signal

  const started = Date.now()
  progress.start(inputs.length)
  let batch: BatchResult
  try {
    batch = await runBatch(inputs, options)
  } finally {
    progress.stop()
    removeTemporaryFiles()
  }
  const reports = command === 'audit' && batch.state === 'complete' ? await writeAuditReports(values.out, batch, digests) : []
  if (values.json) process.stdout.write(`${JSON.stringify(batch, null, 2)}\n`)
  if (!values.quiet) process.stderr.write(summaryText(batch, { out: values.out, elapsedMs: Date.now() - started, reports, convertible }))
  if (signalled) return SIGNAL_EXIT[signalled]
  if (batch.totals.failed > 0) return 1
  if (values.strict && batch.totals.findings.error > 0) {
    const documents = batch.files.filter((file) => file.findings.error > 0).length
    process.stderr.write(`perfplan: --strict: ${documents} document${documents === 1 ? ' has' : 's have'} error findings (${batch.totals.findings.error} in all), so the exit status is 1\n`)
    return 1
  }
  return 0
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`perfplan: ${error.message}\nRun "perfplan --help" for the usage.\n`)
      process.exitCode = 2
    } else if (isPerfplanError(error)) {
      // `tables` on a file that gives no document: its reason, as batch.json would say it.
      process.stderr.write(`perfplan: ${error.rule}: ${error.message}\n`)
      process.exitCode = 1
    } else if (typeof (error as NodeJS.ErrnoException)?.code === 'string') {
      // The file system refused (an output folder that cannot be written, a full disk).
      process.stderr.write(`perfplan: ${(error as Error).message}\n`)
      process.exitCode = 2
    } else {
      process.stderr.write(`perfplan: ${(error as Error).stack ?? String(error)}\n`)
      process.exitCode = 2
    }
  },
)
