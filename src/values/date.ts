/**
 * Dates as plans print them: "31.12.2020", "31/12/2020", "31-12-2020", "2020-12-31",
 * "31 dicembre 2020". Returns the ISO date, or null when the text holds no whole date.
 */
export function isoDate(text: string): string | null {
  const t = text.trim().replace(/[.;,]$/, '')
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(t)
  if (m) return compose(year(m[3] as string), Number(m[2]), Number(m[1]))
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  if (m) return compose(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})\s+([a-zà-ù]+)\s+(\d{4})$/i.exec(t)
  if (m) {
    const month = MONTHS.indexOf((m[2] as string).toLowerCase()) + 1
    if (month > 0) return compose(Number(m[3]), month, Number(m[1]))
  }
  return null
}

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre']

function year(text: string): number {
  const n = Number(text)
  return text.length === 2 ? 2000 + n : n
}

function compose(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The years a duration prints ("2016 2017 2018", "2024-2026", "2024"). */
export function yearsIn(text: string): number[] {
  const years = [...text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]))
  if (years.length === 2 && /\d{4}\s*[-–/]\s*\d{4}/.test(text)) {
    const [from, to] = years as [number, number]
    if (to >= from && to - from < 10) return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  }
  return years
}
