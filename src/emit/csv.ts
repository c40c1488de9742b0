import { stringify } from 'csv-stringify/sync'

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, so a title such as «=HYPERLINK(…)» stays text when the CSV is opened.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * CSV (RFC 4180: comma, double quotes, CRLF) with a UTF-8 byte order mark so spreadsheets
 * detect the encoding; text cells neutralised against formula injection, numbers as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${csvRows([header, ...rows], { recordDelimiter: 'windows' })}`
}

/** Rows as CSV without a byte order mark (for stdout), text cells neutralised. */
export function csvRows(rows: readonly (readonly (string | number | null)[])[], options: { recordDelimiter?: 'unix' | 'windows' } = {}): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell ?? '')))
  return stringify(safe, { record_delimiter: options.recordDelimiter ?? 'unix' })
}
