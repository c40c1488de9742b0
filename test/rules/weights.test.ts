import { describe, expect, it } from 'vitest'
import RATING_INFERRED from '../../src/rules/RATING_INFERRED.js'
import RATING_AMBIGUOUS from '../../src/rules/RATING_AMBIGUOUS.js'
import SCORE_MISMATCH from '../../src/rules/SCORE_MISMATCH.js'
import SCORE_MISSING from '../../src/rules/SCORE_MISSING.js'
import CONTRIBUTION_SUM from '../../src/rules/CONTRIBUTION_SUM.js'
import ABSOLUTE_WEIGHT_MISMATCH from '../../src/rules/ABSOLUTE_WEIGHT_MISMATCH.js'
import AREA_ALIAS from '../../src/rules/AREA_ALIAS.js'
import AREA_UNKNOWN from '../../src/rules/AREA_UNKNOWN.js'
import { area, check, objective, origins, record } from '../helpers/record.js'

const weighting = (w: Partial<ReturnType<typeof objective>['weighting']>) => ({ ...objective().weighting, ...w })

describe('RATING_INFERRED', () => {
  it('fills the one lost rating that the declared score determines (seed card a: 18)', () => {
    const plan = record([objective({ weighting: weighting({ importanza: null, impattoEsterno: 'alto', complessita: 'alto', declaredScore: 18, score: 18 }) })])
    expect(check(RATING_INFERRED, plan)).toEqual(['RATING_INFERRED info 1 objectives[0].weighting.importanza null -> "alto"'])
    expect(plan.objectives[0]?.weighting.importanza).toBe('alto')
  })
  it('infers nothing when two ratings are missing or none is', () => {
    expect(check(RATING_INFERRED, record([objective({ weighting: weighting({ importanza: null, complessita: null }) })]))).toEqual([])
    expect(check(RATING_INFERRED, record())).toEqual([])
  })
  it('infers nothing when no rating gives the declared score', () => {
    expect(check(RATING_INFERRED, record([objective({ weighting: weighting({ importanza: null, declaredScore: 15 }) })]))).toEqual([])
  })
})

describe('RATING_AMBIGUOUS', () => {
  it('reports a printed criterion with two marks that nothing determines', () => {
    const plan = record([objective({ weighting: weighting({ complessita: null, declaredScore: null }) })])
    expect(check(RATING_AMBIGUOUS, plan, origins({ 'objectives[0].weighting.complessita': 'x x' }))).toEqual([
      'RATING_AMBIGUOUS warning 1 objectives[0].weighting.complessita "x x" -> null',
    ])
  })
  it('is silent when every rating is known', () => {
    expect(check(RATING_AMBIGUOUS, record(), origins({ 'objectives[0].weighting.complessita': 'x' }))).toEqual([])
  })
})

describe('SCORE_MISMATCH', () => {
  it('corrects a declared score that contradicts the ratings', () => {
    const plan = record([objective({ weighting: weighting({ declaredScore: 18, score: 18 }) })])
    expect(check(SCORE_MISMATCH, plan)).toEqual(['SCORE_MISMATCH error 1 objectives[0].weighting.score 18 -> 14'])
    expect(plan.objectives[0]?.weighting).toMatchObject({ declaredScore: 18, score: 14 })
  })
  it('accepts a declared score equal to the scheme score, under another scheme too', () => {
    expect(check(SCORE_MISMATCH, record())).toEqual([])
    const scheme = { points: { alto: 3, medio: 2, basso: 1 }, inverted: [] }
    expect(check(SCORE_MISMATCH, record([objective({ weighting: weighting({ declaredScore: 9, score: 9 }) })]), origins(), { scheme })).toEqual([])
  })
})

describe('SCORE_MISSING', () => {
  it('computes a missing score from complete ratings', () => {
    const plan = record([objective({ weighting: weighting({ declaredScore: null, score: null }) })])
    expect(check(SCORE_MISSING, plan)).toEqual(['SCORE_MISSING warning 1 objectives[0].weighting.score null -> 14'])
    expect(plan.objectives[0]?.weighting.score).toBe(14)
  })
  it('is silent when the score is printed', () => {
    expect(check(SCORE_MISSING, record())).toEqual([])
  })
})

describe('CONTRIBUTION_SUM', () => {
  it('reports percentages summing to 90 without guessing a correction', () => {
    const plan = record([objective({ areas: [area('AMMINISTRATIVO', 40, 5.6), area('FINANZIARIO', 30, 4.2), area('TECNICO', 20, 2.8)] })])
    expect(check(CONTRIBUTION_SUM, plan)).toEqual(['CONTRIBUTION_SUM error 1 objectives[0].areas 90 -> null'])
  })
  it('gives the remainder to the one blank percentage', () => {
    const plan = record([objective({ areas: [area('AMMINISTRATIVO', 40, 5.6), area('FINANZIARIO', null, null), area('TECNICO', 30, 4.2)] })])
    expect(check(CONTRIBUTION_SUM, plan)).toEqual(['CONTRIBUTION_SUM error 1 objectives[0].areas[1].contributionPct null -> 30'])
    expect(plan.objectives[0]?.areas[1]?.absoluteWeight).toBe(4.2)
  })
  it('splits equally when every percentage is blank', () => {
    const plan = record([objective({ areas: [area('AMMINISTRATIVO', null, null), area('TECNICO', null, null)] })])
    expect(check(CONTRIBUTION_SUM, plan)).toEqual([
      'CONTRIBUTION_SUM error 1 objectives[0].areas[0].contributionPct null -> 50',
      'CONTRIBUTION_SUM error 1 objectives[0].areas[1].contributionPct null -> 50',
    ])
  })
  it('accepts 40 + 30 + 30 and a rounding of ±0.5', () => {
    expect(check(CONTRIBUTION_SUM, record())).toEqual([])
    const thirds = [area('A', 33.3, null), area('B', 33.3, null), area('C', 33.3, null)]
    expect(check(CONTRIBUTION_SUM, record([objective({ areas: thirds })]))).toEqual([])
  })
})

describe('ABSOLUTE_WEIGHT_MISMATCH', () => {
  it('replaces a printed weight that is not score × % / 100', () => {
    const plan = record([objective({ areas: [area('AMMINISTRATIVO', 40, 5.6), area('FINANZIARIO', 30, 5), area('TECNICO', 30, 4.2)] })])
    expect(check(ABSOLUTE_WEIGHT_MISMATCH, plan)).toEqual(['ABSOLUTE_WEIGHT_MISMATCH error 1 objectives[0].areas[1].absoluteWeight 5 -> 4.2'])
    expect(plan.objectives[0]?.areas[1]).toMatchObject({ declaredAbsoluteWeight: 5, absoluteWeight: 4.2 })
  })
  it('accepts weights within 0.01 and areas without a printed weight', () => {
    const plan = record([objective({ areas: [area('AMMINISTRATIVO', 40, 5.605), area('FINANZIARIO', 30, null), area('TECNICO', 30, 4.2)] })])
    expect(check(ABSOLUTE_WEIGHT_MISMATCH, plan)).toEqual([])
    expect(plan.objectives[0]?.areas.map((a) => a.absoluteWeight)).toEqual([5.6, 4.2, 4.2])
  })
})

describe('AREA_ALIAS', () => {
  it('maps "Area Tecnica" and "Polizia Locale" to their canonical areas', () => {
    const plan = record([objective({ areas: [area('Area Tecnica', 50, 7), area('Polizia Locale', 50, 7)].map((a) => ({ ...a, area: a.label.toLowerCase().replace(' ', '-') })) })])
    expect(check(AREA_ALIAS, plan)).toEqual([
      'AREA_ALIAS info 1 objectives[0].areas[0].area "Area Tecnica" -> "tecnico"',
      'AREA_ALIAS info 1 objectives[0].areas[1].area "Polizia Locale" -> "vigilanza"',
    ])
    expect(plan.objectives[0]?.areas.map((a) => a.area)).toEqual(['tecnico', 'vigilanza'])
  })
  it('is silent for canonical labels and uses a comune\'s own areas first', () => {
    expect(check(AREA_ALIAS, record())).toEqual([])
    const areas = [{ id: 'cultura', label: 'CULTURA', variants: ['Ufficio Cultura e Turismo'] }]
    const plan = record([objective({ areas: [{ ...area('Ufficio Cultura e Turismo', 100, 14), area: 'ufficio-cultura-e-turismo' }] })])
    expect(check(AREA_ALIAS, plan, origins(), { areas })).toEqual([
      'AREA_ALIAS info 1 objectives[0].areas[0].area "Ufficio Cultura e Turismo" -> "cultura"',
    ])
  })
})

describe('AREA_UNKNOWN', () => {
  it('reports a label that matches no known area, keeping an id made from it', () => {
    const plan = record([objective({ areas: [{ ...area('Ufficio Cultura e Turismo', 100, 14), area: 'ufficio-cultura-e-turismo' }] })])
    expect(check(AREA_UNKNOWN, plan)).toEqual([
      'AREA_UNKNOWN warning 1 objectives[0].areas[0].area "Ufficio Cultura e Turismo" -> null',
    ])
  })
  it('is silent for known areas', () => {
    expect(check(AREA_UNKNOWN, record())).toEqual([])
  })
})
