/**
 * The document-level failures: the file cannot give a plan at all (rules.md: UNREADABLE,
 * NO_TEXT_LAYER, NOT_A_PLAN), or a per-document guard stopped its reading (TOO_LARGE,
 * TIMEOUT, OUT_OF_MEMORY, CRASHED), or its format is one perfplan does not read
 * (UNSUPPORTED_FORMAT: .doc, .xls, .odt, .ods, .rtf, archives). INTERRUPTED marks a document the run abandoned.
 */
export type FailureRule = 'UNREADABLE' | 'NO_TEXT_LAYER' | 'NOT_A_PLAN' | 'TOO_LARGE' | 'TIMEOUT' | 'OUT_OF_MEMORY' | 'CRASHED' | 'UNSUPPORTED_FORMAT' | 'INTERRUPTED'

/**
 * Thrown only when a file is unusable as a whole (corrupt, encrypted, a scan, not a plan).
 * The message is one sentence a clerk understands; `cause` keeps the library's error.
 */
export class PerfplanError extends Error {
  override name = 'PerfplanError'
  readonly rule: FailureRule
  readonly page: number | null

  constructor(rule: FailureRule, message: string, options: { cause?: unknown; page?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.rule = rule
    this.page = options.page ?? null
  }
}

export function isPerfplanError(error: unknown): error is PerfplanError {
  return error instanceof PerfplanError
}

/** Raised for bad command-line use or bad settings files: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
