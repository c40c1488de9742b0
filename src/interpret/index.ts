import { tooLarge } from '../readers/too-large.js'
import type { PlanDocument, Table } from '../model/document.js'
import type { Objective, PlanRecord, SummaryRow } from '../model/record.js'
import { PerfplanError } from '../errors.js'
import { ReadingContext, type Origin } from './context.js'
import { linkSummary } from './link.js'
import { Scope } from './scope.js'
import { classifyTable, type TableKind } from './classify.js'
import { readSeedLayout, type SeedReading } from './layouts/seed.js'
import { KvCardReader } from './layouts/kv-card.js'
import { readList, readListTrailer, type PrintedTotal } from './layouts/objective-list.js'
import { filledRows } from './layouts/rows.js'
import { assemble } from './assemble.js'
import { build, type LayoutChecks } from './build.js'
import type { Draft } from './draft.js'

/** A table of no layout this short may be a banner with the comune's name or the plan's title. */
const BANNER_ROWS = 6

/** What interpretation gives: the record's content, where each field was read, and findings. */
export interface Interpretation {
  plan: PlanRecord['plan']
  summary: SummaryRow[]
  objectives: Objective[]
  findings: PlanRecord['findings']
  /** The layout readers that read the document's tables, in document order. */
  layouts: string[]
  /** JSON path -> where it was read and the text as printed. */
  origins: Map<string, Origin>
  /** What the rules of other layouts check beside the record. */
  checks: LayoutChecks
}

/**
 * Turns the document model into summary rows and objectives, in named stages:
 * 1. classify: each table, with the headings around it, gets a kind (classify.ts);
 * 2. layout readers: one per kind, each giving drafts of objectives (layouts/);
 * 3. assemble: drafts of one objective printed by several tables merged (assemble.ts);
 * 4. build: drafts placed in the record, their paths assigned (build.ts).
 * Headings, captions and separator rows set the unit, grouping and programme carried down
 * to the objectives below them (scope.ts). Throws NOT_A_PLAN when no table reads.
 */
export function interpretDocument(document: PlanDocument): Interpretation {
  const scope = new Scope()
  const plan = new ReadingContext()
  const drafts: Draft[] = []
  const totals: PrintedTotal[] = []
  const seedTables: Table[] = []
  let seedAt = -1
  let cards: KvCardReader | null = null
  let before: TableKind | null = null
  let lastList: Draft[] = []
  /** The layout of each table read, with its drafts, in document order. */
  const read: { layout: string; drafts: Draft[] }[] = []
  const closeCards = () => {
    if (cards) {
      const finished = widen(cards.finish())
      for (const draft of finished) drafts.push(draft)
      for (const draft of finished) read.push({ layout: draft.layout, drafts: [draft] })
    }
    cards = null
  }

  for (const block of document.blocks) {
    if (block.type === 'paragraph') {
      scope.read(block.text, block.heading)
      continue
    }
    scope.close()
    if (block.caption) scope.read(block.caption)
    const classified = classifyTable(block, before, scope)
    const { headerAt, evidence } = classified
    let kind = classified.kind
    switch (kind) {
      case 'seed':
        closeCards()
        if (seedAt < 0) {
          seedAt = drafts.length
          read.push({ layout: 'seed-card', drafts: [] })
        }
        seedTables.push(block)
        break
      case 'list': {
        closeCards()
        const reading = readList(block, headerAt ?? 0, scope, `list${block.index}`)
        for (const draft of reading.drafts) draft.layout = reading.layout
        for (const draft of widen(reading.drafts)) drafts.push(draft)
        lastList = reading.drafts
        for (const total of reading.totals) totals.push(total)
        plan.findings.push(...reading.context.findings)
        read.push({ layout: reading.layout, drafts: reading.drafts })
        break
      }
      case 'kv-card':
        if (before === 'list' && readListTrailer(block, lastList, scope, plan)) {
          kind = 'list'
          break
        }
        cards ??= new KvCardReader(scope)
        cards.read(block)
        break
      case 'headings':
      case 'other':
        // A banner or title table: the comune's name, the plan's title.
        if (block.rows.length <= BANNER_ROWS) for (const cells of filledRows(block)) for (const cell of cells) for (const line of cell.text.split('\n')) scope.read(line)
        break
      case 'unread': {
        closeCards()
        const first = filledRows(block)[0] ?? []
        plan.report('TABLE_UNREAD', 'warning', {
          message: `La tabella ${block.index}${block.page ? ` (pagina ${block.page})` : ''} nomina ${evidence.join(', ')} ma non ha la forma di nessuno dei modelli letti: le sue celle non sono state importate.`,
          found: first.map((cell) => cell.text),
          location: { page: block.page, table: block.index, row: null, column: null },
        })
        break
      }
      case 'report':
        break
    }
    before = kind
  }
  closeCards()

  const seed = seedTables.length > 0 ? readSeedLayout(seedTables) : null
  if (seed) drafts.splice(seedAt, 0, ...seed.drafts)
  if (drafts.length === 0 && !seed?.summary) {
    throw new PerfplanError('NOT_A_PLAN', 'Il documento non contiene né una tabella riepilogativa degli obiettivi né schede obiettivo riconoscibili.')
  }

  const assembly = assemble(drafts)
  // A list that is the summary of the cards after it is a weight list (Perosa's «Obiettivi | Peso»).
  const summarised = new Set(assembly.summary.map((entry) => entry.listDraft))
  const layouts: string[] = []
  for (const entry of read) {
    const layout = entry.drafts.length > 0 && entry.drafts.every((draft) => summarised.has(draft)) ? 'weight-list' : entry.layout
    if (!layouts.includes(layout)) layouts.push(layout)
  }
  const built = build(assembly.drafts, totals)
  if (built.objectives.length > MAX_OBJECTIVES) {
    throw tooLarge(`dà ${built.objectives.length} obiettivi (al più ${MAX_OBJECTIVES})`)
  }
  if (built.objectives.length === 0) {
    throw new PerfplanError('NOT_A_PLAN', 'Il documento ha tabelle lette, ma nessuna dà un obiettivo (un titolo con il suo peso, indicatore o valutazione): non è un piano della performance.')
  }
  const origins = new Map([...(seed?.context.origins ?? []), ...plan.origins, ...built.origins])
  const summary = seed?.summary?.rows ?? []
  for (const { row, listDraft, objective } of assembly.summary) {
    const at = `summary[${summary.length}]`
    row.objectiveId = objective.objective.id
    summary.push(row)
    const origin = listDraft.context.origins.get('@.title')
    if (origin) origins.set(`${at}.description`, origin)
  }
  if (seed?.summary) linkSummary(seed.summary.rows, built.objectives)
  return {
    plan: planOf(seed, scope, built.objectives, origins),
    summary,
    objectives: built.objectives,
    findings: [...(seed?.context.findings ?? []), ...plan.findings, ...built.findings],
    layouts,
    origins,
    checks: built.checks,
  }
}

/** The most objectives one plan may give: a comune's plan has tens, a whole region's a few thousand. */
export const MAX_OBJECTIVES = 10_000

/** Every draft of a layout is expected to give what any of them gives (OBJECTIVE_INCOMPLETE). */
function widen(drafts: Draft[]): Draft[] {
  const byLayout = new Map<string, Set<string>>()
  for (const draft of drafts) {
    const provided = byLayout.get(draft.layout) ?? new Set()
    for (const field of draft.provides) provided.add(field)
    byLayout.set(draft.layout, provided)
  }
  for (const draft of drafts) draft.provides = new Set(byLayout.get(draft.layout) as Set<Draft['provides'] extends Set<infer P> ? P : never>)
  return drafts
}

/** The plan's title block: the seed's summary gives it; other layouts, the headings read on the way. */
function planOf(seed: SeedReading | null, scope: Scope, objectives: Objective[], origins: Map<string, Origin>): PlanRecord['plan'] {
  const fromSeed = seed?.summary?.plan
  const plan = fromSeed ? { ...fromSeed } : { comune: scope.plan.comune, year: scope.plan.year, title: scope.plan.title, unit: scope.plan.unit }
  if (plan.comune === null && seed?.comune) {
    plan.comune = seed.comune.text
    const i = objectives.indexOf(seed.comune.draft.objective)
    const origin = origins.get(`objectives[${i}].comune`)
    if (origin) origins.set('plan.comune', origin)
  }
  plan.comune ??= scope.plan.comune
  plan.year ??= scope.plan.year
  plan.title ??= scope.plan.title
  return plan
}
