import { emptyObjective } from '../../src/model/empty.js'
import type { Origin } from '../../src/interpret/context.js'
import type { AreaContribution, Objective, PlanRecord } from '../../src/model/record.js'
import type { Rule, RuleContext } from '../../src/rules/define.js'
import { runRules } from '../../src/rules/index.js'
import { DEFAULT_SCHEME } from '../../src/settings/scheme.js'
import { DEFAULT_AREAS } from '../../src/settings/areas.js'

/** An area row, clean unless told otherwise. */
export function area(label: string, pct: number | null, declared: number | null, extra: Partial<AreaContribution> = {}): AreaContribution {
  return {
    area: label.toLowerCase(),
    label,
    contributionPct: pct,
    absoluteWeight: declared,
    declaredAbsoluteWeight: declared,
    expectedValue: null,
    measures: [],
    ...extra,
  }
}

/** A clean card: ratings A/M/M/M (14 under the default scheme), three areas 40/30/30. */
export function objective(overrides: Partial<Objective> = {}): Objective {
  return {
    ...emptyObjective('1'),
    id: '1',
    code: 'A',
    kind: 'organizzativa',
    title: 'Digitalizzazione delle pratiche edilizie',
    description: null,
    headerYear: 2025,
    cdr: { primary: 'TECNICO', involved: [] },
    missione: { code: '08', name: 'Assetto del territorio ed edilizia abitativa' },
    programma: { code: '0801', name: 'Urbanistica e assetto del territorio' },
    indicators: [],
    weighting: { importanza: 'alto', impattoEsterno: 'medio', complessita: 'medio', realizzabilita: 'medio', declaredScore: 14, score: 14 },
    resources: { programma: 1000, obiettivo: 250, absorptionIndex: 0.25 },
    areas: [area('AMMINISTRATIVO', 40, 5.6), area('FINANZIARIO', 30, 4.2), area('TECNICO', 30, 4.2)],
    ...overrides,
  }
}

export function record(objectives: Objective[] = [objective()], overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    schemaVersion: '1.1',
    source: { file: 'piano.xlsx', format: 'xlsx', sha256: '0'.repeat(64), pages: 1, layouts: ['seed-card'] },
    plan: { comune: 'Montevecchio', year: 2025, title: 'Programmazione Obiettivi di Performance 2025', unit: null },
    summary: objectives.map((o) => ({ rowLabel: o.id, code: o.code, kind: 'Obiettivo P. Organizzativa', description: o.title, cdr: ['TUTTI'], objectiveId: o.id })),
    objectives,
    areas: [],
    findings: [],
    ...overrides,
  }
}

const here = { page: 1, table: 1, row: 1, column: 1 }

/** Origins for paths, all at one place, with the printed text. */
export function origins(entries: Record<string, string> = {}): Map<string, Origin> {
  return new Map(Object.entries(entries).map(([path, raw]) => [path, { location: here, raw }]))
}

/** Runs one rule the way the pipeline does; gives its findings as "RULE objective path found -> corrected". */
export function check(rule: Rule, plan: PlanRecord, printed: Map<string, Origin> = origins(), settings: Partial<RuleContext> = {}): string[] {
  const context: RuleContext = { origins: printed, scheme: DEFAULT_SCHEME, areas: DEFAULT_AREAS, ...settings }
  return runRules(plan, context, [rule]).map(
    (f) => `${f.rule} ${f.severity} ${f.objectiveId} ${f.path} ${JSON.stringify(f.found)} -> ${JSON.stringify(f.corrected)}`,
  )
}
