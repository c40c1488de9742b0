import type { Weight } from '../model/record.js'
import { parseNumber, round4 } from '../values/number.js'
import { foldWhitespace, labelKey } from '../text/normalize.js'
import { CATEGORIES, PERSON_TITLES, TICKED_MARKS, UNIT_WORDS, UNTICKED_MARKS, type WeightScale } from './vocabulary.js'

/**
 * A weight as printed under a label of `scale`: "20" points, "1,2" a coefficient, "30%" or
 * "Peso OBSA 30" a percent (value 30). "X" marks a prerequisite ("pre requisito"): no value.
 * A "%" sign makes any weight a percent. Null when nothing is printed.
 */
export function parseWeight(text: string, scale: WeightScale): { weight: Weight; prerequisite: boolean } | null {
  const raw = foldWhitespace(text)
  if (raw === '' || /^[-–—]$/.test(raw)) return null
  if (/^x$/i.test(raw)) return { weight: { raw, scale: 'points', value: null }, prerequisite: true }
  const percent = /^([\d.,]+)\s*%$/.exec(raw)
  if (percent) {
    const n = parseNumber(percent[1] as string)
    return { weight: { raw, scale: 'percent', value: n === null ? null : round4(n) }, prerequisite: false }
  }
  const n = parseNumber(raw)
  if (n === null) return { weight: { raw, scale, value: null }, prerequisite: false }
  // A fraction of 1 under a percent label ("0,25") is the same share written as a fraction.
  const value = scale === 'percent' && n > 0 && n < 1 && raw.includes(',') ? n * 100 : n
  return { weight: { raw, scale, value: round4(value) }, prerequisite: false }
}

/** "pre requisito", "prerequisito": a gate objective. */
export function saysPrerequisite(text: string): boolean {
  return /\bpre\s*-?\s*requisit[oi]\b/i.test(text)
}

/** Whether a text starts with a person's title ("dott.ssa", "ing.", "sig.ra"). */
function startsWithTitle(text: string): boolean {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase().replace(/[.,]$/, '') ?? ''
  return PERSON_TITLES.includes(first) || PERSON_TITLES.includes(first.replace(/\./g, ''))
}

/** Whether a text names a unit ("Area servizi finanziari", "Settore Lavori pubblici"), not a person. */
export function looksLikeUnit(text: string): boolean {
  const first = labelKey(text).split(' ')[0] ?? ''
  return UNIT_WORDS.includes(first) && !startsWithTitle(text)
}

/**
 * A responsible person as printed, with a role before or after the name: "Istruttore
 * direttivo (D4) dott.ssa Carla Rinaldi" -> role "Istruttore direttivo (D4)", name
 * "dott.ssa Carla Rinaldi"; "Anna Bianchi (Dirigente)" -> name and role; a name alone.
 */
export function splitPerson(text: string): { name: string | null; role: string | null } {
  const t = foldWhitespace(text)
  if (t === '') return { name: null, role: null }
  // A role ending in a grade in brackets, then the name from its title on.
  const titled = /^(.*?\S)\s*[-–,:]?\s+((?:dott|dr|ing|arch|geom|rag|avv|prof|sig)\.?(?:ssa|ra)?\.?\s+.+)$/i.exec(t)
  if (titled && !startsWithTitle(t)) return { name: titled[2] as string, role: (titled[1] as string).replace(/[-–,:]$/, '').trim() }
  const bracketed = /^(.+?)\s*\(([^()]+)\)$/.exec(t)
  if (bracketed && !/^[A-Z]?\d+$/.test(bracketed[2] as string)) return { name: (bracketed[1] as string).trim(), role: (bracketed[2] as string).trim() }
  const comma = /^(.+?),\s+(.+)$/.exec(t)
  if (comma && startsWithTitle(comma[1] as string)) return { name: (comma[1] as string).trim(), role: (comma[2] as string).trim() }
  const dashed = /^(.+?)\s+[-–]\s+(.+)$/.exec(t)
  if (dashed && startsWithTitle(dashed[1] as string)) return { name: (dashed[1] as string).trim(), role: (dashed[2] as string).trim() }
  return { name: t, role: null }
}

/**
 * "Servizi Finanziari / dott.ssa Anna Bianchi" (a «Settore / Responsabile» cell): the unit
 * and the person. A composite unit name with slashes ("TECNICO/PATRIMONIO/LL.PP.") stays one
 * unit: only the part that reads as a person is split off.
 */
export function splitUnitAndPerson(text: string): { unit: string | null; person: { name: string | null; role: string | null } | null } {
  const t = foldWhitespace(text)
  const parts = t.split(/\s+[/–-]\s+|\n/)
  if (parts.length >= 2) {
    const last = parts.at(-1) as string
    if (startsWithTitle(last) || !looksLikeUnit(last)) return { unit: parts.slice(0, -1).join(' / ') || null, person: splitPerson(last) }
  }
  if (looksLikeUnit(t) || !startsWithTitle(t)) return { unit: t || null, person: null }
  return { unit: null, person: splitPerson(t) }
}

/**
 * An objective's number printed before its title in one cell: "n. 0 Codice di comportamento",
 * "6 - SVILUPPO DEI SERVIZI", "3.01 Riordino archivio", "Obiettivo n. 3: Trasparenza".
 * Returns null when the text does not start with one.
 */
export function leadingNumber(text: string): { id: string; rest: string } | null {
  const t = foldWhitespace(text)
  const m = /^(?:(?:obiettivo|ob\.?|progetto|scheda)\s+)?(?:n\.?|nr\.?|n°|num\.?)?\s*(\d{1,3}(?:\.\d{1,3}){0,3})(?:\s*[-–.):]\s*|\s+)(?=\S)(.*)$/i.exec(t)
  if (!m) return null
  const labelled = /^(?:obiettivo|ob\.?|progetto|scheda|n\.?|nr\.?|n°|num\.?)\s*\d/i.test(t)
  const separated = /^\S+\s*[-–.):]\s/.test(t) || /^\d{1,3}(?:\.\d{1,3})+\s/.test(t)
  // "2 corsi di formazione" is a title that starts with a number, not a numbered title.
  if (!labelled && !separated) return null
  return { id: m[1] as string, rest: (m[2] as string).trim() }
}

/** An objective number or code alone in its cell: "1", "n. 4", "3.01", "OB1", "A", "0101". */
export function numberOf(text: string): string | null {
  const t = foldWhitespace(text).replace(/^(?:obiettivo\s+)?(?:n\.?|nr\.?|n°|num\.?)\s*/i, '').replace(/[.)]+$/, '')
  return /^[\p{L}\d][\p{L}\d./-]{0,11}$/u.test(t) && /\d|^[A-Z]{1,3}$/.test(t) ? t : null
}

/** A code like "0101", "01010601", "2.1", "AG7/D": short, with digits, no spaces. */
export function isCodeLike(text: string): boolean {
  return /^[A-Z]{0,4}\d[\d./-]*[A-Z]?$/i.test(foldWhitespace(text)) && foldWhitespace(text).length <= 14
}

/** "2.1 - Cura e manutenzione del patrimonio": the code and the title. */
export function codeAndTitle(text: string): { code: string | null; title: string | null } {
  const t = foldWhitespace(text)
  if (t === '') return { code: null, title: null }
  if (isCodeLike(t)) return { code: t, title: null }
  const m = /^([A-Z]{0,4}\d[\d./]*[A-Z]?)\s*[-–.:)]\s*(.+)$/i.exec(t) ?? /^(\d{1,3}(?:\.\d{1,3})+)\s+(.+)$/.exec(t)
  if (m) return { code: m[1] as string, title: (m[2] as string).trim() }
  return { code: null, title: t }
}

/** The category a heading or cell names: "Obiettivi di mantenimento" -> "mantenimento". */
export function categoryOf(text: string): string | null {
  const key = labelKey(text).replace(/^(obiettiv[oi]|progett[oi])\s+/, '')
  for (const category of CATEGORIES) for (const word of category.words) if (key === word) return category.value
  return null
}

/** A category named inside a title: "Esercitazione sul rischio sismico (obiettivo di gruppo)". */
export function categoryInTitle(text: string): string | null {
  const m = /\((?:obiettiv[oi]\s+)?([^()]+)\)\s*$/i.exec(text)
  return m ? categoryOf(m[1] as string) : null
}

/** A mark in a check box or rating cell: true ticked, false empty, null not a mark. */
export function markOf(text: string): boolean | null {
  const t = foldWhitespace(text).toLowerCase()
  if (t === '') return false
  if (TICKED_MARKS.includes(t)) return true
  if (UNTICKED_MARKS.includes(t)) return false
  return null
}
