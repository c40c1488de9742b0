import { labelKey } from '../text/normalize.js'

/**
 * The objective kind a phrase names: "Obiettivo P. Organizzativa", "PERFORMANCE
 * ORGANIZZATIVA", "Obiettivo di performance individuale" -> organizzativa / individuale.
 */
export function kindOf(text: string): 'organizzativa' | 'individuale' | null {
  const key = labelKey(text)
  if (!/^(obiettivo\s+)?(p|perf|performance)?\s*(di\s+performance\s+)?(organizzativa|individuale)$/.test(key)) return null
  return key.endsWith('organizzativa') ? 'organizzativa' : 'individuale'
}

/** A year printed alone or at the end of a heading ("... AMMINISTRATIVO 2023"). */
export function yearIn(text: string): number | null {
  const m = /\b(19[5-9]\d|20\d\d)\s*$/.exec(text.trim()) ?? /\b(19[5-9]\d|20\d\d)\b/.exec(text)
  return m?.[1] ? Number(m[1]) : null
}
