import { parseNumber, round4 } from './number.js'
import { foldWhitespace } from '../text/normalize.js'

export type ValueKind = 'percent' | 'number' | 'boolean' | 'currency' | 'text'

/** A typed value with the text it was read from (record.md "Value"). */
export interface Value {
  raw: string
  kind: ValueKind
  value: number | boolean | string | null
}

/** Errors a spreadsheet prints in place of a value. */
export const SPREADSHEET_ERRORS = ['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!'] as const

export function isSpreadsheetError(text: string): boolean {
  return (SPREADSHEET_ERRORS as readonly string[]).includes(text.trim().toUpperCase())
}

const TRUE_WORDS = new Set(['si', 'sì', 'yes', 'vero'])
const FALSE_WORDS = new Set(['no', 'falso'])

/**
 * Reads a printed value: "95%" -> percent 0.95, "4,5" -> number 4.5, "Si"/"sì" -> true,
 * "€ 100,00" -> currency 100, "€ -" (the accounting zero) -> currency 0,
 * "#DIV/0!" -> number null. Empty text gives null (no value at all).
 */
export function parseValue(text: string): Value | null {
  const raw = foldWhitespace(text)
  if (raw === '') return null
  if (isSpreadsheetError(raw)) return { raw, kind: 'number', value: null }
  const lower = raw.toLowerCase()
  if (TRUE_WORDS.has(lower)) return { raw, kind: 'boolean', value: true }
  if (FALSE_WORDS.has(lower)) return { raw, kind: 'boolean', value: false }
  const percent = /^([-+]?[\d.,\s]*\d)\s*%$/.exec(raw)
  if (percent?.[1] !== undefined) {
    const n = parseNumber(percent[1])
    if (n !== null) return { raw, kind: 'percent', value: round4(n / 100) }
  }
  const currency = parseCurrency(raw)
  if (currency !== undefined) return { raw, kind: 'currency', value: currency }
  const n = parseNumber(raw)
  if (n !== null) return { raw, kind: 'number', value: round4(n) }
  return { raw, kind: 'text', value: raw }
}

/**
 * "€ 100,00", "100,00 €", "EUR 1.200", "€ -": the amount, or undefined when the text
 * is not an amount of money. The lone dash is how accounting formats print zero.
 */
export function parseCurrency(text: string): number | undefined {
  const m = /^(?:€|eur|euro)\s*(.*)$|^(.*?)\s*(?:€|eur|euro)$/i.exec(text.trim())
  if (!m) return undefined
  const amount = (m[1] ?? m[2] ?? '').trim()
  if (amount === '' || /^[-–—]$/.test(amount)) return amount === '' ? undefined : 0
  const n = parseNumber(amount)
  return n === null ? undefined : round4(n)
}

/**
 * A bare number standing among percentages is most likely a percentage whose format was
 * lost ("1" for 100%): returns the percent reading, or null when the value is not such a
 * number. Numbers up to 1 are fractions; above 1 and up to 100, points of percentage.
 */
export function asPercent(value: Value): Value | null {
  if (value.kind !== 'number' || typeof value.value !== 'number') return null
  const n = value.value
  if (n < 0 || n > 100) return null
  return { raw: value.raw, kind: 'percent', value: round4(n <= 1 ? n : n / 100) }
}
