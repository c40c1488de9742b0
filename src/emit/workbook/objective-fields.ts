import type { Indicator, Objective } from '../../model/record.js'
import type { Value } from '../../values/value.js'

/**
 * The fields of an objective as the corrected workbook of other layouts prints them: one
 * label each (a variant the vocabulary reads back to the same field), the record path it
 * shows, and its text. The card sheets print them as label|value rows, the list sheet as
 * columns; a field no objective of the plan has is left out.
 */
export interface ObjectiveField {
  label: string
  /** Path under the objective ("unit", "weight"). */
  path: string
  text(objective: Objective): string | null
  /** A group field of a list: printed "–" when empty, so it is not carried from the row above. */
  group?: boolean
}

const WEIGHT_LABEL = { points: 'Peso', percent: 'Peso %', coefficient: 'Pesatura' } as const

export const OBJECTIVE_FIELDS: readonly ObjectiveField[] = [
  { label: 'Obiettivo n.', path: 'id', text: (o) => o.id },
  { label: 'Titolo obiettivo', path: 'title', text: (o) => o.title || null },
  { label: 'Descrizione', path: 'description', text: (o) => o.description },
  { label: 'Tipo obiettivo', path: 'kind', text: (o) => (o.kind ? `Performance ${o.kind}` : null), group: true },
  { label: 'Categoria', path: 'category', text: (o) => o.category, group: true },
  { label: 'Obiettivo strategico', path: 'parent', text: (o) => (o.parent ? [o.parent.code, o.parent.title].filter(Boolean).join(' - ') || null : null), group: true },
  { label: 'Obiettivo operativo', path: 'code', text: (o) => o.code },
  { label: 'Responsabile', path: 'responsible', text: (o) => person(o.responsible), group: true },
  { label: 'Missione', path: 'missione', text: (o) => (o.missione ? `${o.missione.code} ${o.missione.name}` : null) },
  { label: 'Programma', path: 'programma', text: (o) => (o.programma ? `${o.programma.code} ${o.programma.name}` : null) },
  { label: 'Altri CdR coinvolti', path: 'cdr.involved', text: (o) => (o.cdr.involved.length > 0 && o.cdr.involved.join('; ') !== o.cdr.primary ? o.cdr.involved.join('; ') : null) },
  { label: 'Data inizio', path: 'period.start', text: (o) => o.period?.start ?? null },
  { label: 'Data fine', path: 'period.end', text: (o) => o.period?.end ?? null },
  { label: 'Peso', path: 'weight', text: (o) => o.weight?.raw ?? null },
]

/** The weight's label under the scale it is printed in («Peso», «Peso %», «Pesatura»). */
export function weightLabel(objectives: readonly Objective[]): string {
  const scale = objectives.find((o) => o.weight && o.weight.raw.toUpperCase() !== 'X')?.weight?.scale ?? 'points'
  return WEIGHT_LABEL[scale]
}

/** The fields some objective of the plan has. */
export function printedFields(objectives: readonly Objective[]): ObjectiveField[] {
  return OBJECTIVE_FIELDS.filter((field) => objectives.some((o) => field.text(o) !== null))
}

/** "Istruttore direttivo (D4) dott.ssa Carla Rinaldi", "Anna Bianchi (Dirigente)": as the readers split it back. */
function person(responsible: Objective['responsible']): string | null {
  if (!responsible?.name) return responsible?.role ?? null
  if (!responsible.role) return responsible.name
  return /^(dott|dr|ing|arch|geom|rag|avv|prof|sig)/i.test(responsible.name) ? `${responsible.role} ${responsible.name}` : `${responsible.name} (${responsible.role})`
}

/** An indicator column of the card's indicator table or of the list. */
export interface IndicatorColumn {
  label: string
  path: string
  value(indicator: Indicator): Value | string | null
}

/** The indicator columns the plan's indicators fill, with a column per target and baseline year. */
export function indicatorColumns(objectives: readonly Objective[]): IndicatorColumn[] {
  const indicators = objectives.flatMap((o) => o.indicators)
  const years = (pick: (i: Indicator) => Record<string, Value | null>) => [...new Set(indicators.flatMap((i) => Object.keys(pick(i))))].sort()
  const columns: IndicatorColumn[] = [
    { label: 'Indicatore', path: 'name', value: (i) => i.name },
    { label: 'Descrizione indicatore', path: 'description', value: (i) => i.description },
    { label: 'Formula', path: 'formula', value: (i) => i.formula },
    { label: 'Tipologia indicatore', path: 'type', value: (i) => i.type },
    { label: 'Unità di misura', path: 'unit', value: (i) => i.unit },
    { label: 'Target', path: 'target', value: (i) => i.target },
    ...years((i) => i.targets).map((year) => ({ label: `Target ${year}`, path: `targets.${year}`, value: (i: Indicator) => i.targets[year] ?? null })),
    ...years((i) => i.baselines).map((year) => ({ label: `Valore ${year}`, path: `baselines.${year}`, value: (i: Indicator) => i.baselines[year] ?? null })),
  ]
  return columns.filter((column) => column.label === 'Indicatore' || (indicators.some((i) => column.value(i) !== null) && !(column.path === 'target' && targetIsAYear(indicators))))
}

/** Whether every indicator's target is one of its yearly targets («Target 2022»): the column would repeat it. */
function targetIsAYear(indicators: readonly Indicator[]): boolean {
  return indicators.every((i) => i.target === null || Object.values(i.targets).some((value) => value?.raw === i.target?.raw))
}
