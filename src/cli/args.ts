import { parseArgs } from 'node:util'
import { closest, distance } from 'fastest-levenshtein'
import { UsageError } from '../errors.js'

export const COMMANDS = ['import', 'audit', 'schema', 'tables', 'help'] as const

export const OPTIONS = {
  out: { type: 'string', default: 'out' },
  concurrency: { type: 'string' },
  timeout: { type: 'string', default: '120' },
  'max-size': { type: 'string', default: '100' },
  'max-memory': { type: 'string', default: '1024' },
  'skip-existing': { type: 'boolean', default: false },
  scheme: { type: 'string' },
  areas: { type: 'string' },
  strict: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  csv: { type: 'boolean', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

export type ParsedArgs = ReturnType<typeof parse>

/** Parses the command line; a mistake is a UsageError naming the closest right spelling. */
export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true })
  } catch (error) {
    const message = (error as Error).message
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1]
    if (unknown) throw new UsageError(`unknown option ${unknown}${suggestion(unknown.replace(/^-+/, ''), Object.keys(OPTIONS), '--')}`)
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)?.[1]
    if (missing) throw new UsageError(`${missing} needs a value`)
    throw new UsageError(message.split('\n')[0] as string)
  }
}

/** " (did you mean --concurrency?)" when a known word is a few edits away, else "". */
export function suggestion(word: string, known: readonly string[], prefix = ''): string {
  if (known.length === 0) return ''
  const best = closest(word, [...known])
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean ${prefix}${best}?)` : ''
}

/** A whole number from `min` up, or a UsageError naming the flag. */
export function wholeNumber(value: string, flag: string, min = 1): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number from ${min} up, not "${value}"`)
  return n
}
