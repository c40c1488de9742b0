import { parseArgs } from 'node:util'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { collectInputs } from './batch/inputs.js'
import { runBatch, writeAtomically, type BatchOptions } from './batch/run.js'
import { planRecordJsonSchema, type PlanRecord } from './model/record.js'
import { emitAudit } from './emit/audit.js'
import { loadScheme } from './settings/scheme.js'
import { loadAreas } from './settings/areas.js'
import { isPerfplanError, UsageError } from './errors.js'
import { readDocument } from './readers/index.js'
import { tablesAsCsv, tablesAsJson } from './emit/tables.js'

const HELP = `Usage:
  perfplan import <file|dir>... [--out DIR] [--concurrency N] [--scheme FILE] [--areas FILE] [--strict]
  perfplan audit  <file|dir>... [--out DIR] [--concurrency N] [--scheme FILE] [--areas FILE] [--strict]
  perfplan schema
  perfplan tables <file> [--csv]

Commands:
  import   read performance plans (.pdf .docx .html .htm .xlsx; directories are walked)
           and write OUT/<name>.json, the corrected workbook OUT/<name>.xlsx, and OUT/batch.json
  audit    the same reading, reports only: OUT/<name>.json, OUT/batch.json and OUT/audit.md
  schema   print the JSON Schema of the plan record
  tables   print the tables read from one file, before interpretation (JSON, or CSV with --csv)

Options:
  --out DIR          output folder (default: out)
  --concurrency N    files read at once (default: 2)
  --scheme FILE      weighting scheme JSON: {"points":{"alto":5,"medio":3,"basso":1},"inverted":["realizzabilita"]}
  --areas FILE       the comune's areas JSON: [{"id":"cultura","label":"CULTURA","variants":["Area Cultura"]}]
  --strict           exit 1 when any document has an error finding
  -h, --help         this help

Exit status: 0 all documents imported; 1 a document failed (or, with --strict, has errors);
2 usage error, or an output folder that cannot be written.
`

const OPTIONS = {
  out: { type: 'string', default: 'out' },
  concurrency: { type: 'string', default: '2' },
  scheme: { type: 'string' },
  areas: { type: 'string' },
  strict: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const [command, ...paths] = positionals
  if (values.help || command === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  switch (command) {
    case 'schema':
      process.stdout.write(`${JSON.stringify(planRecordJsonSchema(), null, 2)}\n`)
      return 0
    case 'tables': {
      if (paths.length !== 1) throw new UsageError('tables takes exactly one file')
      const document = await readDocument(await readFile(paths[0] as string).catch(() => {
        throw new UsageError(`no such file: ${paths[0]}`)
      }))
      process.stdout.write(values.csv ? tablesAsCsv(document) : tablesAsJson(document))
      return 0
    }
    case 'import':
    case 'audit': {
      if (paths.length === 0) throw new UsageError(`${command} needs at least one file or directory`)
      const concurrency = Number(values.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency takes a whole number from 1 up')
      const inputs = await collectInputs(paths)
      const records = new Map<string, PlanRecord>()
      const options: BatchOptions = {
        out: values.out,
        concurrency,
        ...(values.scheme ? { scheme: loadScheme(values.scheme) } : {}),
        ...(values.areas ? { areas: loadAreas(values.areas) } : {}),
        workbook: command === 'import',
        onRecord: (name, record) => {
          if (command === 'audit') records.set(name, record)
        },
        onFileDone: (file, done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[${done}/${total}] ${file.status === 'ok' ? 'ok    ' : 'FAILED'} ${file.file}`)
        },
      }
      const batch = await runBatch(inputs, options)
      if (process.stderr.isTTY && inputs.length > 0) process.stderr.write('\n')
      if (command === 'audit') await writeAtomically(join(values.out, 'audit.md'), emitAudit(batch, records))
      for (const file of batch.files) if (file.status === 'failed') process.stderr.write(`${file.file}: ${file.rule}: ${file.message}\n`)
      if (batch.totals.failed > 0) return 1
      return values.strict && batch.totals.findings.error > 0 ? 1 : 0
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'a command is needed')
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`perfplan: ${error.message}\n\n${HELP}`)
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
