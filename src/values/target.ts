import type { Comparator } from '../model/record.js'
import { foldWhitespace, labelKey } from '../text/normalize.js'
import { parseValue, type Value } from './value.js'
import { isoDate } from './date.js'

/** Comparators as plans print them, in words or signs; longest first. */
const COMPARATORS: readonly [RegExp, Comparator][] = [
  [/^(?:maggiore o uguale a|maggiore uguale a|non inferiore a|almeno|pari o superiore a|>=|≥|=>)\s*/i, '>='],
  [/^(?:minore o uguale a|minore uguale a|non superiore a|al massimo|pari o inferiore a|<=|≤|=<|entro il|entro)\s*/i, '<='],
  [/^(?:maggiore di|superiore a|oltre|>)\s*/i, '>'],
  [/^(?:minore di|inferiore a|meno di|<)\s*/i, '<'],
  [/^(?:uguale a|pari a|=)\s*/i, '='],
]

/**
 * A target as printed: "≥ 95%" -> comparator ">=", percent 0.95; "= 45.000" -> "=", 45000;
 * "maggiore o uguale a 90,00%" -> ">=", 0.9; "entro il 31.05.2016" -> "<=", the ISO date as
 * text. `raw` keeps the whole text. A comparator before words that are no value ("entro
 * l'anno") is not taken: the text stays a text target.
 */
export function parseTarget(text: string): { comparator: Comparator | null; target: Value | null } {
  const raw = foldWhitespace(text)
  if (raw === '' || isEmptyMark(raw)) return { comparator: null, target: null }
  for (const [pattern, comparator] of COMPARATORS) {
    const m = pattern.exec(raw)
    if (!m) continue
    const rest = raw.slice(m[0].length)
    const date = isoDate(rest)
    if (date) return { comparator, target: { raw, kind: 'text', value: date } }
    const value = parseValue(rest) ?? null
    if (value && value.kind !== 'text') return { comparator, target: { ...value, raw } }
    // A number with its unit after it ("<= 30 gg", "≥ 1.100 pratiche").
    const counted = /^([\d.,]*\d)\s+([a-zà-ù.]{1,16})$/i.exec(rest)
    const n = counted ? parseValue(counted[1] as string) : null
    if (n && n.kind === 'number') return { comparator, target: { ...n, raw } }
    break
  }
  return { comparator: null, target: parseValue(raw) }
}

/** A dash or "n.d." printed for "nothing here" (performance.gov.it prints "–"). */
export function isEmptyMark(text: string): boolean {
  const key = labelKey(text)
  return key === '' || /^(n ?d|n ?a|nessuno|\/)$/.test(key)
}
