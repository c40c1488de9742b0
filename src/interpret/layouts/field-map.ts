import type { Cell } from '../../model/document.js'
import type { Indicator } from '../../model/record.js'
import { emptyIndicator } from '../../model/empty.js'
import { foldWhitespace, labelKey } from '../../text/normalize.js'
import { parseValue } from '../../values/value.js'
import { isEmptyMark, parseTarget } from '../../values/target.js'
import { isoDate, yearsIn } from '../../values/date.js'
import { matchLabel, type LabelId } from '../labels.js'
import { LABELS, type WeightScale } from '../vocabulary.js'
import { DRAFT_ROOT, type Draft } from '../draft.js'
import type { Scope } from '../scope.js'
import { kindOf } from '../kind.js'
import { readMissione, readMissioneProgramma, readProgramma } from '../missione.js'
import { reportUnkeptValue } from '../unmapped.js'
import {
  categoryOf, codeAndTitle, isCodeLike, looksLikeUnit, numberOf, parseWeight, splitPerson, splitUnitAndPerson,
} from '../fields.js'

/** The labels of key/value cards and list headers, in the order ties are broken. */
export const FIELD_LABELS: readonly LabelId[] = [
  'objectiveNumber', 'unitAndPerson', 'objectiveTitle', 'objectiveDescription', 'strategicObjective', 'operationalObjective',
  'unitName', 'responsiblePerson', 'responsibleRole', 'objectiveCategory', 'weightPercent', 'weightCoefficient', 'weightPoints',
  'startDate', 'endDate', 'duration', 'missioneProgramma', 'indicatorName', 'indicatorFormula', 'indicatorType', 'indicatorUnit',
  'indicatorBaseline', 'indicatorTargetYear', 'indicatorState', 'indicatorTarget', 'missione', 'programma', 'involvedCdr',
  'score', 'cardKind', 'planYear', 'comune', 'unkept', 'instructions',
]

/** The fields that belong to an indicator rather than to its objective. */
const INDICATOR_FIELDS = new Set<LabelId>(['indicatorName', 'indicatorFormula', 'indicatorType', 'indicatorUnit', 'indicatorBaseline', 'indicatorTargetYear', 'indicatorState', 'indicatorTarget'])

/** A label resolved to what it fills: a field, and for year columns the year. */
export interface FieldRef {
  id: LabelId
  /** "Target 2023" -> target of 2023; "Valore 2018" -> baseline of 2018. */
  year: string | null
  yearRole: 'target' | 'baseline' | null
  /** Text printed after the label in its own cell ("Obiettivo n. 3" -> "3"). */
  rest: string
  /** The label as printed, for labels that are themselves a value (a role). */
  label?: string
}

/** Ordinal targets counted from the plan year: "Target primo anno" is the plan year's. */
const ORDINALS: Record<string, number> = { primo: 0, secondo: 1, terzo: 2, '1': 0, '2': 1, '3': 2 }

/**
 * What a key or column header names, or null when it is no label of these layouts. Year
 * columns are read from their words: «Target 2023», «Valore atteso 2024», «Target primo
 * anno» (targets), «Valore 2018», «Consuntivo 2022» (baselines); a bare year is a target
 * from the plan year on, a baseline before it.
 */
export function resolveLabel(text: string, scope: Scope): FieldRef | null {
  // Classification and the readers ask about the same cells again and again.
  const memo = `${scope.plan.year ?? ''}|${text}`
  const known = resolved.get(memo)
  if (known !== undefined) return known
  if (resolved.size > 20000) resolved.clear()
  const ref = resolve(text, scope)
  resolved.set(memo, ref)
  return ref
}

const resolved = new Map<string, FieldRef | null>()

function resolve(text: string, scope: Scope): FieldRef | null {
  const key = labelKey(text)
  if (key === '' || key.length > 90) return null
  const years = /^(target|valore atteso|valori attesi|obiettivo|atteso|risultato atteso|valore obiettivo|previsione|valore|baseline|consuntivo|dato|valore consuntivo|risultato)?\s*(?:anno\s+)?(19[5-9]\d|20\d\d)$/.exec(key)
  if (years) {
    const word = years[1] ?? ''
    const year = years[2] as string
    const baseline = ['valore', 'baseline', 'consuntivo', 'dato', 'valore consuntivo', 'risultato'].includes(word) || (word === '' && scope.plan.year !== null && Number(year) < scope.plan.year)
    return { id: baseline ? 'indicatorBaseline' : 'indicatorTargetYear', year, yearRole: baseline ? 'baseline' : 'target', rest: '' }
  }
  const ordinal = /^target (primo|secondo|terzo|anno (1|2|3))( anno)?$/.exec(key)
  if (ordinal && scope.plan.year !== null) {
    const offset = ORDINALS[ordinal[2] ?? (ordinal[1] as string)] ?? 0
    return { id: 'indicatorTargetYear', year: String(scope.plan.year + offset), yearRole: 'target', rest: '' }
  }
  const label = matchLabel(text, FIELD_LABELS)
  if (!label) return null
  if (label.rest !== '' && !acceptsRest(label.id, label.rest)) return null
  if (label.id === 'indicatorTarget' && /^(19[5-9]\d|20\d\d)$/.test(label.rest)) return { id: 'indicatorTargetYear', year: label.rest, yearRole: 'target', rest: '' }
  if (label.id === 'indicatorBaseline' && scope.plan.year !== null) return { id: 'indicatorBaseline', year: String(scope.plan.year - 1), yearRole: 'baseline', rest: label.rest }
  return { id: label.id, year: null, yearRole: null, rest: label.rest, label: foldWhitespace(text).replace(/[:.]+$/, '') }
}

/**
 * The key of a label|value row: its first cell's label, or, for a short first cell with a
 * value after it, a label followed by a word or two of the plan's own («Descrizione OBSA»,
 * «Peso dell'obiettivo %»): the longest label its words start with.
 */
export function resolveKey(cells: readonly Cell[], scope: Scope): FieldRef | null {
  const first = cells[0]
  if (!first) return null
  const exact = resolveLabel(first.text, scope)
  if (exact || cells.length < 2) return exact
  const words = labelKey(first.text).split(' ')
  if (words.length < 2 || words.length > 6) return null
  for (let n = words.length - 1; n >= 1; n--) {
    const ref = resolveLabel(words.slice(0, n).join(' '), scope)
    if (ref && ref.rest === '' && ref.id !== 'unkept' && words.length - n <= 2) return ref
  }
  return null
}

/** A label with its value in the same cell: only a short value of the kind the label takes. */
function acceptsRest(id: LabelId, rest: string): boolean {
  switch (id) {
    case 'objectiveNumber':
      return numberOf(rest) !== null
    case 'weightPoints':
    case 'weightPercent':
    case 'weightCoefficient':
      return /^x$|^[\d.,]+\s*%?$/i.test(rest.trim())
    case 'duration':
      return yearsIn(rest).length > 0
    case 'score':
      return /^[\d.,]+$/.test(rest.trim())
    default:
      return false
  }
}

export function isIndicatorField(id: LabelId): boolean {
  return INDICATOR_FIELDS.has(id)
}

/** The scale a weight label reads its number in. */
export function scaleOf(id: LabelId): WeightScale | null {
  const scale = (LABELS[id] as { scale?: string }).scale
  return scale === 'points' || scale === 'percent' || scale === 'coefficient' ? scale : null
}

/**
 * Writes one printed field into a draft (objective-level fields) or into `indicator`
 * (indicator fields), recording where it came from. `cells` are the value's cells (the
 * first one is the origin); `text` their text. What has no field is reported.
 */
export function applyField(draft: Draft, ref: FieldRef, text: string, cells: readonly Cell[], scope: Scope, indicator?: () => { indicator: Indicator; index: number }): void {
  const o = draft.objective
  const value = foldWhitespace(text)
  const cell = cells[0]
  const at = (field: string) => draft.context.origin(`${DRAFT_ROOT}.${field}`, cell, value)
  if (value === '' || (isEmptyMark(value) && ref.id !== 'objectiveNumber')) return
  // The first text naming the objective is its title; what follows describes it.
  const describe = () => {
    o.description = o.description ? `${o.description} ${value}` : value
    at('description')
  }
  const titleOrDescription = () => {
    if (o.title !== '') return describe()
    o.title = value
    at('title')
  }
  switch (ref.id) {
    case 'objectiveNumber': {
      const id = numberOf(value) ?? (isCodeLike(value) ? value : null)
      if (id) {
        o.id = id
        draft.numbered = true
        at('id')
      } else if (o.title === '') {
        o.title = value
        at('title')
      }
      return
    }
    case 'objectiveTitle':
      return titleOrDescription()
    case 'objectiveDescription':
      return describe()
    case 'strategicObjective': {
      if (/^(si|sì|no)\b/i.test(value)) return reportUnkeptValue(cells, o.id, draft.context)
      const { code, title } = codeAndTitle(value)
      o.parent = { code, title }
      at('parent')
      return
    }
    case 'operationalObjective': {
      if (!isCodeLike(value)) return titleOrDescription()
      o.code = value
      at('code')
      return
    }
    case 'unitName':
      o.unit = value
      at('unit')
      return
    case 'unitAndPerson': {
      const { unit, person } = splitUnitAndPerson(value)
      if (unit) {
        o.unit = unit
        at('unit')
      }
      if (person) {
        o.responsible = person
        at('responsible')
      }
      return
    }
    case 'responsiblePerson':
      // Castenedolo's «Responsabile» names an Area, not a person.
      if (looksLikeUnit(value)) {
        o.unit = value
        at('unit')
      } else {
        o.responsible = splitPerson(value)
        at('responsible')
      }
      return
    case 'responsibleRole': {
      const person = splitPerson(value)
      o.responsible = { name: person.name, role: person.role ?? ref.label ?? null }
      at('responsible')
      return
    }
    case 'objectiveCategory': {
      const kind = kindOf(value)
      if (kind) {
        o.kind = kind
        at('kind')
        return
      }
      if (/^indicatore\b/i.test(value) && indicator) {
        const { indicator: target, index } = indicator()
        target.type = value
        at(`indicators[${index}].type`)
        return
      }
      o.category = categoryOf(value) ?? value.toLowerCase()
      at('category')
      return
    }
    case 'weightPoints':
    case 'weightPercent':
    case 'weightCoefficient': {
      const weight = parseWeight(value, scaleOf(ref.id) ?? 'points')
      if (!weight) return
      o.weight = weight.weight
      o.prerequisite ||= weight.prerequisite
      at('weight')
      return
    }
    case 'startDate':
    case 'endDate': {
      const date = isoDate(value.replace(/^entro\s+(il\s+)?/i, ''))
      if (!date) return reportUnkeptValue(cells, o.id, draft.context)
      o.period = { start: o.period?.start ?? null, end: o.period?.end ?? null, [ref.id === 'startDate' ? 'start' : 'end']: date }
      at(ref.id === 'startDate' ? 'period.start' : 'period.end')
      return
    }
    case 'duration': {
      const years = yearsIn(value)
      if (years.length === 0) return reportUnkeptValue(cells, o.id, draft.context)
      o.period = { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` }
      at('period')
      return
    }
    case 'missione':
      o.missione = pick(readMissione(value))
      at('missione')
      if (!o.missione) reportUnkeptValue(cells, o.id, draft.context)
      return
    case 'missioneProgramma': {
      const both = readMissioneProgramma(value)
      if (!both) return reportUnkeptValue(cells, o.id, draft.context)
      o.missione = pick(both.missione)
      o.programma = pick(both.programma)
      at('missione')
      at('programma')
      return
    }
    case 'programma': {
      const programma = pick(readProgramma(value, o.missione?.code ?? null))
      if (programma) {
        o.programma = programma
        at('programma')
      } else {
        // A DUP programme's name, not an Allegato 14 code.
        o.parent ??= { code: null, title: value }
        at('parent')
      }
      return
    }
    case 'involvedCdr':
      o.cdr.involved = value.split(/[;,\n]+/).map((part) => foldWhitespace(part)).filter(Boolean)
      at('cdr.involved')
      return
    case 'score': {
      const n = parseValue(value)
      if (n && typeof n.value === 'number') {
        // As printed; the rules reconcile it with the ratings.
        o.weighting.declaredScore = n.value
        o.weighting.score = n.value
        at('weighting.declaredScore')
        at('weighting.score')
      }
      return
    }
    case 'cardKind':
      o.kind = kindOf(value) ?? kindOf(text) ?? o.kind
      return
    case 'planYear': {
      const year = yearsIn(value)[0]
      if (year !== undefined) scope.plan.year ??= year
      return
    }
    case 'comune':
      scope.plan.comune ??= value.replace(/^comune\s+di\s+/i, '')
      return
    case 'unkept':
    case 'instructions':
      return reportUnkeptValue(cells, o.id, draft.context)
    default:
      if (isIndicatorField(ref.id) && indicator) return applyIndicatorField(draft, ref, text, cells, indicator())
      reportUnkeptValue(cells, o.id, draft.context)
  }
}

/** Indicator fields printed as plain text, by the label that prints them. */
const TEXT_FIELDS = { indicatorFormula: 'formula', indicatorType: 'type', indicatorUnit: 'unit', indicatorState: 'description' } as const

function applyIndicatorField(draft: Draft, ref: FieldRef, text: string, cells: readonly Cell[], { indicator, index }: { indicator: Indicator; index: number }): void {
  const value = foldWhitespace(text)
  const path = `${DRAFT_ROOT}.indicators[${index}]`
  const at = (field: string) => draft.context.origin(`${path}.${field}`, cells[0], value)
  const field = TEXT_FIELDS[ref.id as keyof typeof TEXT_FIELDS]
  if (field) {
    indicator[field] = value
    return at(field)
  }
  switch (ref.id) {
    case 'indicatorName':
      indicator.name = indicator.name ? `${indicator.name} ${value}` : value
      return at('name')
    case 'indicatorBaseline':
      if (ref.year) {
        indicator.baselines[ref.year] = parseValue(value)
        return at(`baselines.${ref.year}`)
      }
      return reportUnkeptValue(cells, draft.objective.id, draft.context)
    case 'indicatorTarget':
    case 'indicatorTargetYear': {
      const { comparator, target } = parseTarget(value)
      if (ref.year) {
        indicator.targets[ref.year] = target
        at(`targets.${ref.year}`)
      }
      // The plan year's target is `target`; a target of no year is the target.
      const planYear = draft.objective.headerYear
      if (!ref.year || indicator.target === null || ref.year === String(planYear)) {
        if (ref.year && indicator.target !== null) return
        indicator.target = target
        indicator.comparator = comparator
        at('target')
      }
      return
    }
  }
}

/** A new indicator of a draft, appended, with its index. */
export function addIndicator(draft: Draft): { indicator: Indicator; index: number } {
  const indicator = emptyIndicator()
  draft.objective.indicators.push(indicator)
  return { indicator, index: draft.objective.indicators.length - 1 }
}

function pick(value: { code: string; name: string } | null): { code: string; name: string } | null {
  return value ? { code: value.code, name: value.name } : null
}
