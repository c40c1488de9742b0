import type { Indicator, Objective } from './record.js'

/** An objective with nothing read yet: every field present, null or empty (record.md). */
export function emptyObjective(id: string): Objective {
  return {
    id,
    code: null,
    kind: null,
    title: '',
    description: null,
    headerYear: null,
    cdr: { primary: null, involved: [] },
    missione: null,
    programma: null,
    indicators: [],
    weighting: { importanza: null, impattoEsterno: null, complessita: null, realizzabilita: null, declaredScore: null, score: null },
    resources: { programma: null, obiettivo: null, absorptionIndex: null },
    areas: [],
    unit: null,
    responsible: null,
    category: null,
    weight: null,
    prerequisite: false,
    parent: null,
    period: null,
    activities: [],
  }
}

/** An indicator with nothing read yet. */
export function emptyIndicator(): Indicator {
  return { name: null, description: null, formula: null, target: null, baselines: {}, type: null, unit: null, comparator: null, targets: {} }
}
