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
  const groups = new Map<string, { label: string; objectives: number[] }>()
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
      const group = groups.get(key) ?? { label: o.unit ?? 'piano', objectives: [] }
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
    weightGroups: [...groups.entries()].flatMap(([key, group]) => (key === CARDS ? byUnit(group, objectives) : [group])),
    expects,
  }
  return { objectives, origins, findings, checks }
}

/** The group of weights printed on cards, summed over the plan (kv-card.ts). */
const CARDS = 'cards'

/**
 * Cards' weights sum to 100 over the plan, or over each unit («Peso OBSA» per SPL): the
 * units are the groups when each of them sums to 100, else the plan is one group.
 */
function byUnit(group: { label: string; objectives: number[] }, objectives: Objective[]): { label: string; objectives: number[] }[] {
  const units = new Map<string, number[]>()
  for (const i of group.objectives) {
    const unit = objectives[i]?.unit
    if (!unit) return [{ ...group, label: 'piano' }]
    appendTo(units, unit, i)
  }
  const sum = (members: number[]) => members.reduce((total, i) => total + (objectives[i]?.weight?.value ?? 0), 0)
  const each = [...units.entries()].map(([label, members]) => ({ label, objectives: members }))
  return units.size > 1 && each.every((unit) => Math.abs(sum(unit.objectives) - 100) <= 0.5) ? each : [{ ...group, label: 'piano' }]
}

function rooted(path: string, root: string): string {
  return path === DRAFT_ROOT ? root : path.startsWith(`${DRAFT_ROOT}.`) || path.startsWith(`${DRAFT_ROOT}[`) ? root + path.slice(DRAFT_ROOT.length) : path
}
