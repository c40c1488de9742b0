import { appendTo } from '../util/multimap.js'
import type { Objective, SummaryRow } from '../model/record.js'
import type { Draft } from './draft.js'
import { titleSimilarity } from './link.js'

/** Layouts that print one objective's card; the others print objectives as rows of a list. */
const CARD_LAYOUTS = new Set(['seed-card', 'kv-card', 'indicator-card'])

export function isCard(draft: Draft): boolean {
  return CARD_LAYOUTS.has(draft.layout)
}

/** What assembly gives: one draft per objective, and the list rows that became the plan's summary. */
export interface Assembly {
  drafts: Draft[]
  /** Each summary row with the draft of the list row it was (for its origins). */
  summary: { row: SummaryRow; listDraft: Draft; objective: Draft }[]
}

/**
 * Merges the drafts of one objective printed by several tables: a list row and the card of
 * the same objective, matched by number (both printed) or else by title. The list gives
 * what the card lacks (its weight, its unit); the card's title and fields win where both
 * print one. When every row of a list has its card (Perosa: «Obiettivi | Peso» per servizio,
 * then a card each), the list is the plan's summary: its rows are kept as summary rows.
 * Two cards, or two list rows, with the same number are never merged (DUPLICATE_OBJECTIVE).
 */
export function assemble(drafts: Draft[]): Assembly {
  const lists = drafts.filter((draft) => !isCard(draft))
  const cards = drafts.filter(isCard)
  const partner = new Map<Draft, Draft>()
  const taken = new Set<Draft>()
  // Numbered cards by number, so matching a long list stays linear.
  const byNumber = new Map<string, Draft[]>()
  for (const card of cards) if (card.numbered) appendTo(byNumber, card.objective.id, card)
  const unnumbered = cards.some((card) => !card.numbered)
  for (const row of lists) {
    const card = (row.numbered ? byNumber.get(row.objective.id)?.find((c) => !taken.has(c)) : undefined)
      ?? (row.numbered && !unnumbered ? undefined : cards.find((c) => !taken.has(c) && (!row.numbered || !c.numbered) && titleSimilarity(c.objective.title, row.objective.title) >= 0.6))
    if (!card) continue
    partner.set(row, card)
    taken.add(card)
  }
  // A list whose every row has a card is the summary of those cards.
  const byGroup = new Map<string, Draft[]>()
  for (const row of lists) appendTo(byGroup, row.weightGroup ?? '', row)
  const summaryRows = new Set<Draft>()
  for (const rows of byGroup.values()) if (rows.every((row) => partner.has(row))) for (const row of rows) summaryRows.add(row)

  const summary: Assembly['summary'] = []
  const out: Draft[] = []
  for (const draft of drafts) {
    if (taken.has(draft)) continue // merged into its list row
    const card = partner.get(draft)
    if (!card) {
      out.push(draft)
      continue
    }
    if (summaryRows.has(draft)) {
      summary.push({ row: { rowLabel: draft.objective.id, code: null, kind: null, description: draft.objective.title || null, cdr: [], objectiveId: null }, listDraft: draft, objective: card })
    }
    out.push(merge(draft, card))
  }
  return { drafts: out, summary }
}

/** The list row's draft completed by its card: the card's printed fields win, the row fills the rest. */
function merge(row: Draft, card: Draft): Draft {
  const o = { ...row.objective }
  const c = card.objective
  const taken: (keyof Objective)[] = []
  for (const key of Object.keys(c) as (keyof Objective)[]) {
    if (key === 'weighting' || key === 'cdr' || key === 'resources') continue
    if (isEmpty(c[key])) continue
    if (key === 'title' || isEmpty(o[key])) {
      ;(o as Record<string, unknown>)[key] = c[key]
      taken.push(key)
    }
  }
  if (c.weighting.declaredScore !== null || Object.values(c.weighting).some((v) => v !== null)) o.weighting = c.weighting
  if (c.cdr.primary !== null || c.cdr.involved.length > 0) o.cdr = c.cdr
  o.prerequisite = row.objective.prerequisite || c.prerequisite
  const context = row.context
  for (const [path, origin] of card.context.origins) {
    const field = path.slice(2).split(/[.[]/)[0] as keyof Objective
    if (taken.includes(field) || !context.origins.has(path)) context.origins.set(path, origin)
  }
  context.findings.push(...card.context.findings)
  // The row's draft itself becomes the objective's: totals printed under the list point at it.
  row.layout = card.layout
  row.objective = o
  row.numbered ||= card.numbered
  row.provides = new Set([...row.provides, ...card.provides])
  return row
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0)
}
