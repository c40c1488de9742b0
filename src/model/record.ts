import { z } from 'zod'

/**
 * The PlanRecord: the JSON contract other systems import (record.md). Field names are
 * fixed; every record is validated against this schema before it is written.
 */
export const SCHEMA_VERSION = '1.1'

const rating = z.enum(['alto', 'medio', 'basso']).nullable()

export const ValueSchema = z.object({
  raw: z.string(),
  kind: z.enum(['percent', 'number', 'boolean', 'currency', 'text']),
  value: z.union([z.number(), z.boolean(), z.string()]).nullable(),
})

export const LocationSchema = z.object({
  page: z.number().int().positive().nullable(),
  table: z.number().int().positive().nullable(),
  row: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  cell: z.string().optional(),
})

export const FindingSchema = z.object({
  rule: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: z.enum(['error', 'warning', 'info']),
  objectiveId: z.string().nullable(),
  path: z.string().nullable(),
  message: z.string().min(1),
  found: z.unknown(),
  corrected: z.unknown(),
  location: LocationSchema.nullable(),
})

export const SummaryRowSchema = z.object({
  rowLabel: z.string(),
  code: z.string().nullable(),
  kind: z.string().nullable(),
  description: z.string().nullable(),
  cdr: z.array(z.string()),
  objectiveId: z.string().nullable(),
})

const yearValues = z.record(z.string().regex(/^\d{4}$/), ValueSchema.nullable())

export const ComparatorSchema = z.enum(['>=', '<=', '>', '<', '='])

export const IndicatorSchema = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  formula: z.string().nullable(),
  target: ValueSchema.nullable(),
  baselines: yearValues,
  // 1.1
  /** "Tipologia": "Indicatore di risultato". */
  type: z.string().nullable(),
  /** "Unità di misura". */
  unit: z.string().nullable(),
  /** The comparator printed before the target ("≥ 95%", "maggiore o uguale a"). */
  comparator: ComparatorSchema.nullable(),
  /** Targets printed per year ("Target 2023", "Target primo anno"). */
  targets: yearValues,
})

export const AreaContributionSchema = z.object({
  area: z.string().min(1),
  label: z.string(),
  contributionPct: z.number().nullable(),
  absoluteWeight: z.number().nullable(),
  declaredAbsoluteWeight: z.number().nullable(),
  expectedValue: z.string().nullable(),
  measures: z.array(z.object({ indicator: z.string().nullable(), expected: ValueSchema.nullable() })),
})

export const ObjectiveSchema = z.object({
  id: z.string().min(1),
  code: z.string().nullable(),
  kind: z.enum(['organizzativa', 'individuale']).nullable(),
  title: z.string(),
  description: z.string().nullable(),
  headerYear: z.number().int().nullable(),
  cdr: z.object({ primary: z.string().nullable(), involved: z.array(z.string()) }),
  missione: z.object({ code: z.string().regex(/^\d{2}$/), name: z.string() }).nullable(),
  programma: z.object({ code: z.string().regex(/^\d{4}$/), name: z.string() }).nullable(),
  indicators: z.array(IndicatorSchema),
  weighting: z.object({
    importanza: rating,
    impattoEsterno: rating,
    complessita: rating,
    realizzabilita: rating,
    declaredScore: z.number().nullable(),
    score: z.number().nullable(),
  }),
  resources: z.object({
    programma: z.number().nullable(),
    obiettivo: z.number().nullable(),
    absorptionIndex: z.number().nullable(),
  }),
  areas: z.array(AreaContributionSchema),
  // 1.1: what other layouts print
  /** The organisational unit printed as a heading, group cell or separator row. */
  unit: z.string().nullable(),
  responsible: z.object({ name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  /** The plan's own grouping, lower case ("mantenimento", "sviluppo", "di gruppo"). */
  category: z.string().nullable(),
  /** A weight printed in another form than the four ratings. */
  weight: z.object({ raw: z.string(), scale: z.enum(['points', 'coefficient', 'percent']), value: z.number().nullable() }).nullable(),
  /** A gate objective ("pre requisito", weighted "X"). */
  prerequisite: z.boolean(),
  parent: z.object({ code: z.string().nullable(), title: z.string().nullable() }).nullable(),
  /** ISO dates. */
  period: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable(),
  /** A month grid: the months (1-12) marked per activity. */
  activities: z.array(z.object({ name: z.string(), months: z.array(z.number().int().min(1).max(12)) })),
})

export const AreaTotalSchema = z.object({
  area: z.string(),
  label: z.string(),
  objectives: z.number().int().nonnegative(),
  absoluteWeight: z.number(),
})

export const PlanRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string(),
    format: z.enum(['pdf', 'docx', 'html', 'xlsx']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().nonnegative().nullable(),
    /** The layout readers that recognised the document's tables, in document order. */
    layouts: z.array(z.string()),
  }),
  plan: z.object({
    comune: z.string().nullable(),
    year: z.number().int().nullable(),
    title: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  summary: z.array(SummaryRowSchema),
  objectives: z.array(ObjectiveSchema),
  areas: z.array(AreaTotalSchema),
  findings: z.array(FindingSchema),
})

export type PlanRecord = z.infer<typeof PlanRecordSchema>
export type Objective = z.infer<typeof ObjectiveSchema>
export type SummaryRow = z.infer<typeof SummaryRowSchema>
export type Indicator = z.infer<typeof IndicatorSchema>
export type Comparator = z.infer<typeof ComparatorSchema>
export type Weight = NonNullable<Objective['weight']>
export type AreaContribution = z.infer<typeof AreaContributionSchema>
export type AreaTotal = z.infer<typeof AreaTotalSchema>
export type Rating = 'alto' | 'medio' | 'basso'
export type Criterion = 'importanza' | 'impattoEsterno' | 'complessita' | 'realizzabilita'
export const CRITERIA: readonly Criterion[] = ['importanza', 'impattoEsterno', 'complessita', 'realizzabilita']

/** The JSON Schema of PlanRecord, as `perfplan schema` prints it. */
export function planRecordJsonSchema(): unknown {
  return z.toJSONSchema(PlanRecordSchema, { target: 'draft-2020-12' })
}
