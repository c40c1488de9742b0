import type { Severity } from '../../model/finding.js'
import { cut } from './common.js'

export const SEVERITY_COLOUR: Record<Severity, string> = { error: '#c62828', warning: '#b26a00', info: '#1565c0' }

const LABEL_WIDTH = 230
const BAR_WIDTH = 300
const ROW = 22

/** A horizontal bar chart as inline SVG: one bar per label, the value printed after it. */
export function barChart(bars: readonly { label: string; value: number }[], id: string): string {
  if (bars.length === 0) return '<p>Nessun dato.</p>'
  const max = Math.max(...bars.map((bar) => bar.value), 1e-9)
  const rows = bars.map((bar, i) => {
    const y = i * ROW
    const width = Math.max(1, (bar.value / max) * BAR_WIDTH)
    return `<g><title>${escapeXml(bar.label)}: ${number(bar.value)}</title><text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeXml(cut(bar.label, 28))}</text><rect x="${LABEL_WIDTH}" y="${y + 4}" width="${round(width)}" height="${ROW - 8}" fill="#37699b"/><text x="${LABEL_WIDTH + round(width) + 6}" y="${y + 15}">${number(bar.value)}</text></g>`
  })
  return svg(id, bars.length, rows)
}

/** Bars of counts split by severity (errors, then warnings, then infos), the total after each. */
export function stackedBarChart(bars: readonly { label: string; counts: Record<Severity, number> }[], id: string): string {
  if (bars.length === 0) return '<p>Nessun rilievo.</p>'
  const totals = bars.map((bar) => bar.counts.error + bar.counts.warning + bar.counts.info)
  const max = Math.max(...totals, 1)
  const rows = bars.map((bar, i) => {
    const y = i * ROW
    let x = LABEL_WIDTH
    const parts: string[] = []
    for (const severity of ['error', 'warning', 'info'] as const) {
      if (bar.counts[severity] === 0) continue
      const width = (bar.counts[severity] / max) * BAR_WIDTH
      parts.push(`<rect x="${round(x)}" y="${y + 4}" width="${round(Math.max(width, 1))}" height="${ROW - 8}" fill="${SEVERITY_COLOUR[severity]}"/>`)
      x += width
    }
    return `<g><title>${escapeXml(bar.label)}: ${bar.counts.error} errori, ${bar.counts.warning} avvisi, ${bar.counts.info} informazioni</title><text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeXml(cut(bar.label, 28))}</text>${parts.join('')}<text x="${round(x) + 6}" y="${y + 15}">${totals[i]}</text></g>`
  })
  return svg(id, bars.length, rows)
}

function svg(id: string, count: number, rows: string[]): string {
  const height = count * ROW + 4
  return `<svg id="${id}" role="img" xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}">${rows.join('')}</svg>`
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',')
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
}
