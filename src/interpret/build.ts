import { appendTo } from '../util/multimap.js'
import type { Finding } from '../model/finding.js'
import type { Objective } from '../model/record.js'
import type { Origin } from './context.js'
import { DRAFT_ROOT, type Draft, type Provided } from './draft.js'
import type { PrintedTotal } from './layouts/objective-list.js'
import { foldWhitespace } from '../text/normalize.js'

/** What the rules of other layouts check besides the record (rules.md "Other layouts"). */
export interface LayoutChecks {
  /** A printed total and the record paths of the values it should be the sum of. */
  totals: { label: string; column: string; printed: number; location: Finding['location']; paths: string[] }[]
  /** Objectives whose weights the plan sums to 100 together (one servizio's list). */
  weightGroups: { label: string; objectives: number[] }[]
  /** What each objective's layout gives it (by objective index): a missing one is OBJECTIVE_INCOMPLETE. */
  expects: Map<number, Provided[]>
}

/**
 * The last stage: each draft becomes the record's objective at its place, its paths
 * ("@.title") become record paths ("objectives[2].title"), an objective with no printed
 * number gets its position, and cdr.primary takes the unit where no CdR is printed.
 */
export function build(drafts: Draft[], totals: PrintedTotal[]): { objectives: Objective[]; origins: Map<string, Origin>; findings: Finding[]; checks: LayoutChecks } {
  const origins = new Map<string, Origin>()
  const findings: Finding[] = []
  const objectives: Objective[] = []
  const groups = new Map<string, { key: string; objectives: number[] }>()
  const expects = new Map<number, Provided[]>()
  drafts.forEach((draft, i) => {
    const root = `objectives[${i}]`
    const o = draft.objective
    if (!draft.numbered) o.id = String(i + 1)
    o.title = foldWhitespace(o.title)
    if (o.cdr.primary === null && o.cdr.involved.length === 0 && o.unit !== null) o.cdr.primary = o.unit
    for (const [path, origin] of draft.context.origins) origins.set(rooted(path, root), origin)
    for (const finding of draft.context.findings) findings.push({ ...finding, objectiveId: o.id, path: finding.path === null ? null : rooted(finding.path, root) })
    objectives.push(o)
    if (draft.weightGroup !== null && o.weight) {
      const key = draft.weightGroup
      const group = groups.get(key) ?? { key, objectives: [] }
      group.objectives.push(i)
      groups.set(key, group)
    }
    if (draft.provides.size > 0) expects.set(i, [...draft.provides].sort())
  })
  const index = new Map(drafts.map((draft, i) => [draft, i]))
  const checks: LayoutChecks = {
    totals: totals.map((total) => ({
      label: total.label,
      column: total.column,
      printed: total.printed,
      location: total.location,
      paths: total.members.flatMap(({ draft, area }) => {
        const i = index.get(draft)
        if (i === undefined) return []
        return [area === null ? `objectives[${i}].weight.value` : `objectives[${i}].areas[${area}].declaredAbsoluteWeight`]
      }),
    })),
    weightGroups: acrossTables([...groups.values()], objectives).flatMap((group) => byUnit(group, objectives)),
    expects,
  }
  return { objectives, origins, findings, checks }
}

/** The group of weights printed on cards, summed over the plan (kv-card.ts). */
const CARDS = 'cards'

/** Whether the weights of these objectives add up to 100 (±0.5, rules.md). */
function sumsToHundred(members: number[], objectives: Objective[]): boolean {
  return Math.abs(members.reduce((total, i) => total + (objectives[i]?.weight?.value ?? 0), 0) - 100) <= 0.5
}

/**
 * A list printed as one table per programma or per page section sums its weights over all the
 * tables when none of them makes 100 alone and together they do.
 */
function acrossTables(groups: { key: string; objectives: number[] }[], objectives: Objective[]): { key: string; objectives: number[] }[] {
  const tables = groups.filter((group) => group.key !== CARDS)
  const all = tables.flatMap((group) => group.objectives)
  if (tables.length < 2 || tables.some((group) => sumsToHundred(group.objectives, objectives)) || !sumsToHundred(all, objectives)) return groups
  return [...groups.filter((group) => group.key === CARDS), { key: 'tables', objectives: all.sort((a, b) => a - b) }]
}

/**
 * A group of weights (the cards of a plan, one list table) sums to 100 over the whole group, or
 * over each unit in it («Peso OBSA» per SPL; a list with a «Settore» column, each settore's
 * weights adding up to 100): the units are the groups when the whole does not sum to 100 and
 * one of them does. Otherwise the group is named by its one unit, or is the plan's.
 */
function byUnit(group: { key: string; objectives: number[] }, objectives: Objective[]): { label: string; objectives: number[] }[] {
  const units = new Map<string, number[]>()
  for (const i of group.objectives) appendTo(units, objectives[i]?.unit ?? '', i)
  const each = [...units.entries()].map(([label, members]) => ({ label, objectives: members }))
  if (units.size > 1 && !units.has('') && !sumsToHundred(group.objectives, objectives) && each.some((unit) => sumsToHundred(unit.objectives, objectives))) return each
  const [only] = units.keys()
  return [{ label: units.size === 1 && only && group.key !== CARDS ? only : 'piano', objectives: group.objectives }]
}

function rooted(path: string, root: string): string {
  return path === DRAFT_ROOT ? root : path.startsWith(`${DRAFT_ROOT}.`) || path.startsWith(`${DRAFT_ROOT}[`) ? root + path.slice(DRAFT_ROOT.length) : path
}
