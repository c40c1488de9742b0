/**
 * Parses a number as Italian documents print it: "4,5", "1.234,56", "1.234", "-3",
 * and the plain "4.5" of exports made with an English locale. Returns null when the
 * text is not a number.
 */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '')
  if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(t)) return null
  const sign = t.startsWith('-') ? -1 : 1
  const body = t.replace(/^[-+]/, '')
  let normalised: string
  const lastComma = body.lastIndexOf(',')
  const lastDot = body.lastIndexOf('.')
  if (lastComma >= 0 && lastDot >= 0) {
    // Both separators: the last one is the decimal mark ("1.234,5" or "1,234.5").
    const decimal = lastComma > lastDot ? ',' : '.'
    const group = decimal === ',' ? '.' : ','
    if (!groupedCorrectly(body.slice(0, body.lastIndexOf(decimal)), group)) return null
    normalised = body.split(group).join('').replace(decimal, '.')
  } else if (lastComma >= 0) {
    // Only commas: one comma is the Italian decimal mark; several are thousands groups.
    const count = body.split(',').length - 1
    if (count === 1) normalised = body.replace(',', '.')
    else if (groupedCorrectly(body, ',')) normalised = body.split(',').join('')
    else return null
  } else if (lastDot >= 0) {
    // Only dots: "1.234" and "1.234.567" are Italian thousands; "4.5" is a decimal point.
    const count = body.split('.').length - 1
    if (count > 1 || /^\d{1,3}\.\d{3}$/.test(body)) {
      if (!groupedCorrectly(body, '.')) return null
      normalised = body.split('.').join('')
    } else normalised = body
  } else normalised = body
  if (!/^\d*\.?\d+$|^\d+\.?$/.test(normalised)) return null
  const value = sign * Number(normalised)
  return Number.isFinite(value) ? value + 0 : null // + 0 turns -0 into 0
}

function groupedCorrectly(integerPart: string, group: string): boolean {
  if (!integerPart.includes(group)) return true
  return new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(integerPart)
}

/** Rounds to at most 4 decimals, as record.md requires of every number. */
export function round4(value: number): number {
  const rounded = Math.round(value * 10000) / 10000
  return Object.is(rounded, -0) ? 0 : rounded
}
