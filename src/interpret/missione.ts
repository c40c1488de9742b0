import catalogue from '../data/missioni-programmi.json' with { type: 'json' }

/**
 * Codes of the official classification (D.Lgs. 118/2011, Allegato 14): Missione "01",
 * Programma "0102". Plans print them many ways: "0.1", "1", "01", "Missione 1", "0102".
 */
export interface Classified {
  code: string
  name: string
  printedCode: string
}

interface MissionEntry {
  code: string
  name: string
  programmi: { code: string; name: string }[]
}

const missions = catalogue as MissionEntry[]

/** Splits "0.1 Servizi istituzionali..." into its printed code and name. */
function splitCode(text: string): { printed: string; digits: string; name: string } | null {
  const m = /^\s*(?:missione|programma|miss\.?|prog\.?)?\s*(\d{4}|\d{1,2}(?:[.,]\d{1,2})?)(?!\d)\s*[-–.:)]?\s*(.*)$/is.exec(text)
  if (!m?.[1]) return null
  return { printed: m[1], digits: m[1].replace(/\D/g, ''), name: (m[2] ?? '').replace(/\s+/g, ' ').trim() }
}

/** Reads a printed Missione: "0.1 Servizi istituzionali" -> code "01". */
export function readMissione(text: string): Classified | null {
  const parts = splitCode(text)
  if (!parts) return null
  const n = Number(parts.digits)
  if (!Number.isInteger(n) || n < 1 || n > 99) return null
  const code = String(n).padStart(2, '0')
  return { code, name: parts.name || officialMissione(code) || '', printedCode: parts.printed }
}

/** Reads a printed Programma under a Missione: "0.2 Segreteria generale" under 01 -> "0102". */
export function readProgramma(text: string, missione: string | null): Classified | null {
  const parts = splitCode(text)
  if (!parts) return null
  let code: string
  if (parts.digits.length === 4) code = parts.digits
  else if (missione) {
    const n = Number(parts.digits)
    if (!Number.isInteger(n) || n < 1 || n > 99) return null
    code = `${missione}${String(n).padStart(2, '0')}`
  } else return null
  return { code, name: parts.name || officialProgramma(code) || '', printedCode: parts.printed }
}

export function officialMissione(code: string): string | null {
  return missions.find((mission) => mission.code === code)?.name ?? null
}

export function officialProgramma(code: string): string | null {
  return missions.find((mission) => mission.code === code.slice(0, 2))?.programmi.find((p) => p.code === code)?.name ?? null
}

/**
 * Missione and Programma printed in one cell («Missione/Programma»): "01 - 03", "01/03",
 * "Missione 01 Programma 04", "0103". Null when the text holds no such pair.
 */
export function readMissioneProgramma(text: string): { missione: Classified; programma: Classified | null } | null {
  const t = text.trim()
  const m = /^(?:missione\s*)?(\d{1,2})\s*(?:[-–/.,]|\s)\s*(?:programma\s*)?(\d{1,2})\b/i.exec(t) ?? /^(\d{2})(\d{2})\b/.exec(t)
  if (!m) return null
  const missione = readMissione(m[1] as string)
  if (!missione) return null
  return { missione, programma: readProgramma(m[2] as string, missione.code) }
}
