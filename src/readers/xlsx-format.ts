/**
 * Renders a spreadsheet number as the sheet displays it under its number format, with
 * Italian separators ("4,5", "1.234,00", "25%", "€ 100,00", the accounting "€ -").
 * Covers the formats plans use: General, fixed decimals, grouping, percent, currency
 * and accounting; any other format falls back to General.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const format = numFmt ?? 'General'
  const sections = splitSections(format)
  let section = sections[0] ?? 'General'
  let n = value
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1]
    n = -value
  } else if (value === 0 && sections[2] !== undefined) section = sections[2]
  // Accounting formats print zero as a dash: _-[$€-410] * "-"??_-
  if (value === 0 && sections[2] !== undefined && /-/.test(section) && !/0/.test(section.replace(/"[^"]*"/g, ''))) {
    return /€|\[\$€|EUR/i.test(format) ? '€ -' : '-'
  }
  const currency = /€|\[\$€|EUR/i.test(section)
  const body = section.replace(/"[^"]*"|\[[^\]]*\]|_.|\\.|\*./g, '')
  if (!/[0#?]/.test(body)) {
    if (/general/i.test(format)) return formatGeneral(value)
    return body.trim() || formatGeneral(value)
  }
  const percent = body.includes('%')
  // Format codes write the decimal point as "." and the thousands separator as ",".
  const decimals = (/\.([0#?]+)/.exec(body.replace(/%/g, ''))?.[1] ?? '').length
  const grouping = /[#0],[#0]{3}/.test(body)
  const shown = percent ? n * 100 : n
  let text = groupDigits(Math.abs(shown).toFixed(decimals), grouping)
  if (shown < 0) text = `-${text}`
  if (percent) text += '%'
  if (currency) text = `€ ${text}`
  return text
}

/** Excel's General format with an Italian decimal comma: up to 10 significant digits. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return String(Number(value.toPrecision(10))).replace('.', ',')
}

function splitSections(format: string): string[] {
  const sections: string[] = []
  let current = ''
  let quoted = false
  for (const ch of format) {
    if (ch === '"') quoted = !quoted
    if (ch === ';' && !quoted) {
      sections.push(current)
      current = ''
    } else current += ch
  }
  sections.push(current)
  return sections
}

function groupDigits(fixed: string, grouping: boolean): string {
  const [integer = '0', fraction] = fixed.split('.')
  const grouped = grouping ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : integer
  return fraction === undefined ? grouped : `${grouped},${fraction}`
}
