import type { Cell, Table } from '../../model/document.js'
import type { Indicator } from '../../model/record.js'
import { foldWhitespace } from '../../text/normalize.js'
import { descriptionAsTitle, newDraft, type Draft } from '../draft.js'
import type { Scope } from '../scope.js'
import { leadingNumber, numberOf } from '../fields.js'
import { reportUnmapped } from '../unmapped.js'
import { addIndicator, applyField, isIndicatorField, resolveKey, resolveLabel, type FieldRef } from './field-map.js'
import { openSubTable, type SubTable } from './subtables.js'
import { filledRows } from './rows.js'

/** A label and the value cells printed after it, up to the next label. */
interface Pair {
  ref: FieldRef
  label: Cell
  values: Cell[]
}

/**
 * Cards of label|value pairs («Obiettivo n. | 3 | Peso | 30», «Descrizione obiettivo | …»),
 * in any order, one or two pairs a row, with indicators, ratings and month grids as
 * sub-tables under their own header rows. A card may take several tables (a table of
 * indicators alone goes on the card before it), and one table may hold several cards: a
 * new card starts where its number (or, on cards without one, its title) is printed again.
 * The performance.gov.it card of one indicator («Codice | Titolo | Algoritmo di calcolo |
 * Target primo anno …») is read the same way: its objective is the indicator's.
 */
export class KvCardReader {
  readonly layout = 'kv-card'
  private readonly drafts: Draft[] = []
  private current: Draft | null = null
  private indicator: { indicator: Draft['objective']['indicators'][number]; index: number } | null = null
  /** The first label of the first card: where each card begins. */
  private firstKey: FieldRef['id'] | null = null
  /** The labels the current card has printed. */
  private seen = new Set<FieldRef['id']>()

  constructor(private readonly scope: Scope) {}

  read(table: Table): void {
    const caption = table.caption ? this.captionNumber(table.caption) : null
    if (caption) this.start(caption.id, true).objective.title ||= caption.title
    let sub: SubTable | null = null
    for (const cells of filledRows(table)) {
      const opened = openSubTable(cells, this.scope)
      if (opened) {
        sub = opened
        this.draft().context.use(...cells)
        this.draft().provides.add(opened.kind === 'indicators' ? 'indicator' : opened.kind === 'ratings' ? 'ratings' : 'weight')
        continue
      }
      const first = resolveKey(cells, this.scope)
      // A line of its own under a table of several columns is a heading: the table is over.
      const heading = cells.length === 1 && sub?.kind === 'indicators' && first === null && (cells[0] as Cell).col === 0
      if (sub && !heading && sub.owns(first)) {
        sub.read(cells, this.draft(), this.scope)
        continue
      }
      sub = null
      this.readPairs(cells)
    }
    // What no field took is reported on the card it stands in, never dropped.
    const unused = table.rows.flat().filter((cell) => cell.text !== '' && !this.usedByAny(cell))
    if (unused.length > 0) reportUnmapped(unused, this.draft().objective.id, this.draft().context)
  }

  /** The drafts read so far, each with its indicators' names completed from the card's title where none was printed. */
  finish(): Draft[] {
    for (const draft of this.drafts) {
      const o = draft.objective
      descriptionAsTitle(draft)
      // An indicator opened by a label with nothing after it, last on the card, is no indicator
      // (only trailing ones go: the others' origins are recorded by their index).
      while (o.indicators.length > 0 && isBlank(o.indicators.at(-1) as Indicator)) o.indicators.pop()
      // An indicator card (performance.gov.it) prints the indicator's title as «Titolo».
      const only = o.indicators[0]
      if (o.indicators.length === 1 && only && only.name === null && o.title !== '') only.name = o.title
      if (only && o.indicators.length === 1 && !o.weight && !o.unit && !o.responsible && !draft.provides.has('ratings') && (only.formula || only.type || Object.keys(only.targets).length > 0)) draft.layout = 'indicator-card'
      if (o.title !== '') draft.provides.add('title')
      if (o.weight || o.weighting.declaredScore !== null) draft.provides.add('weight')
    }
    return this.drafts
  }

  private readPairs(cells: Cell[]): void {
    const pairs: Pair[] = []
    const leading: Cell[] = []
    cells.forEach((cell, c) => {
      const ref = c === 0 ? resolveKey(cells, this.scope) : resolveLabel(cell.text, this.scope)
      const open = pairs.at(-1)
      // A value that reads like a label («Tipologia | Indicatore di risultato») is the value of
      // the label before it when nothing follows it.
      const valueOfOpen = open !== undefined && open.values.length === 0 && open.ref.rest === '' && c === cells.length - 1
      if (ref && !valueOfOpen) pairs.push({ ref, label: cell, values: [] })
      else if (open) open.values.push(cell)
      else leading.push(cell)
    })
    if (pairs.length === 0) {
      // A row of text alone: a heading (unit, grouping) or, at a card's top, its title.
      const text = foldWhitespace(cells.map((cell) => cell.text).join(' '))
      const numbered = this.captionNumber(text)
      if (numbered) {
        this.start(numbered.id, true)
        if (numbered.title) this.setTitle(numbered.title, cells)
        this.current?.context.use(...cells)
      } else if (this.scope.read(text)) this.current?.context.use(...cells)
      else if (this.current && this.current.objective.title === '' && text.length > 3) this.setTitle(text, cells)
      return
    }
    for (const pair of pairs) this.apply(pair)
  }

  private apply({ ref, label, values }: Pair): void {
    const text = values.map((cell) => cell.text).join('\n')
    if (ref.id === 'objectiveNumber') {
      const id = numberOf(ref.rest) ?? numberOf(text)
      const draft = this.start(id ?? String(this.drafts.length + 1), id !== null)
      draft.context.use(label, ...values)
      if (id) draft.context.origin('@.id', ref.rest ? label : values[0], id)
      // «Obiettivo n. 1 | Esercitazione …»: the number in the label's cell, the title after it.
      if (ref.rest && text.trim() !== '') this.setTitle(text, values)
      return
    }
    // The label a card starts with, printed again, starts the next card («Centro di
    // responsabilità» at the top of each card, the number further down).
    const repeated = this.current !== null && !isIndicatorField(ref.id) && this.seen.has(ref.id) && (ref.id === this.firstKey || ref.id === 'objectiveTitle')
    if (repeated) this.start(String(this.drafts.length + 1), false)
    const draft = this.draft()
    this.firstKey ??= ref.id
    this.seen.add(ref.id)
    draft.context.use(label, ...values)
    // A label with no value («Indicatori» over the indicator table) only heads what follows.
    if (text.trim() === '' && ref.rest === '') return
    if (isIndicatorField(ref.id)) {
      // Indicators printed as pairs: «Indicatore» opens the next one.
      if (!this.indicator || (ref.id === 'indicatorName' && this.indicator.indicator.name !== null) || !draft.objective.indicators.includes(this.indicator.indicator)) this.indicator = addIndicator(draft)
      draft.provides.add('indicator')
      const slot = this.indicator
      applyField(draft, ref, ref.rest || text, ref.rest ? [label] : values, this.scope, () => slot)
      return
    }
    applyField(draft, ref, ref.rest || text, ref.rest ? [label] : values, this.scope, () => (this.indicator && draft.objective.indicators.includes(this.indicator.indicator) ? this.indicator : (this.indicator = addIndicator(draft))))
  }

  private setTitle(text: string, cells: readonly Cell[]): void {
    const draft = this.draft()
    draft.objective.title = foldWhitespace(text)
    draft.context.use(...cells)
    draft.context.origin('@.title', cells[0], draft.objective.title)
  }

  /** «SCHEDA OBIETTIVO N. 3», «Obiettivo n. 3 - Trasparenza»: a card's number (and title) in one text. */
  private captionNumber(text: string): { id: string; title: string } | null {
    const ref = resolveLabel(text, this.scope)
    if (ref?.id === 'objectiveNumber' && ref.rest) return { id: numberOf(ref.rest) ?? ref.rest, title: '' }
    const numbered = /^(?:scheda\s+)?(?:obiettivo|progetto)\b/i.test(text) ? leadingNumber(text) : null
    return numbered ? { id: numbered.id, title: numbered.rest } : null
  }

  private start(id: string, numbered: boolean): Draft {
    const open = this.current
    // A number printed on a card that has none yet is its own, not a new card's.
    if (open && !open.numbered && numbered) {
      open.objective.id = id
      open.numbered = true
      return open
    }
    const draft = newDraft(this.layout, id, numbered)
    draft.weightGroup = 'cards' // cards' weights are summed over the plan
    applyScope(draft, this.scope)
    this.drafts.push(draft)
    this.current = draft
    this.indicator = null
    this.seen = new Set()
    return draft
  }

  private draft(): Draft {
    return this.current ?? this.start(String(this.drafts.length + 1), false)
  }

  private usedByAny(cell: Cell): boolean {
    return this.drafts.some((draft) => draft.context.isUsed(cell))
  }
}

/** What the headings above say of an objective: its unit, grouping, parent, Missione and Programma, where the card prints none. */
export function applyScope(draft: Draft, scope: Scope): void {
  draft.objective.unit ??= scope.unit
  draft.objective.category ??= scope.category
  draft.objective.parent ??= scope.parent ? { ...scope.parent } : null
  draft.objective.responsible ??= scope.responsible ? { ...scope.responsible } : null
  draft.objective.missione ??= scope.missione ? { ...scope.missione } : null
  draft.objective.programma ??= scope.programma ? { ...scope.programma } : null
}

function isBlank(indicator: Indicator): boolean {
  return Object.values(indicator).every((v) => v === null || (typeof v === 'object' && Object.keys(v).length === 0))
}
