import { describe, expect, it } from 'vitest'
import { emptyIndicator } from '../../src/model/empty.js'
import SPREADSHEET_ERROR from '../../src/rules/SPREADSHEET_ERROR.js'
import PLACEHOLDER_VALUE from '../../src/rules/PLACEHOLDER_VALUE.js'
import HEADER_YEAR_MISMATCH from '../../src/rules/HEADER_YEAR_MISMATCH.js'
import STALE_BASELINE_YEARS from '../../src/rules/STALE_BASELINE_YEARS.js'
import TRUNCATED_TEXT from '../../src/rules/TRUNCATED_TEXT.js'
import VALUE_INTERPRETED from '../../src/rules/VALUE_INTERPRETED.js'
import MEASURE_VALUE_MISSING from '../../src/rules/MEASURE_VALUE_MISSING.js'
import MISSIONE_CODE_NORMALISED from '../../src/rules/MISSIONE_CODE_NORMALISED.js'
import MISSIONE_NAME_MISMATCH from '../../src/rules/MISSIONE_NAME_MISMATCH.js'
import { area, check, objective, origins, record } from '../helpers/record.js'

const percent = (raw: string, value: number) => ({ raw, kind: 'percent' as const, value })
const number = (raw: string, value: number) => ({ raw, kind: 'number' as const, value })

describe('SPREADSHEET_ERROR', () => {
  it('recomputes the absorption index printed as #DIV/0! when the programme has resources', () => {
    const plan = record([objective({ resources: { programma: 400, obiettivo: 100, absorptionIndex: null } })])
    expect(check(SPREADSHEET_ERROR, plan, origins({ 'objectives[0].resources.absorptionIndex': '#DIV/0!' }))).toEqual([
      'SPREADSHEET_ERROR warning 1 objectives[0].resources.absorptionIndex "#DIV/0!" -> 0.25',
    ])
    expect(plan.objectives[0]?.resources.absorptionIndex).toBe(0.25)
  })
  it('leaves the index null without programme resources (seed cards a, b)', () => {
    const plan = record([objective({ resources: { programma: 0, obiettivo: 0, absorptionIndex: null } })])
    expect(check(SPREADSHEET_ERROR, plan, origins({ 'objectives[0].resources.absorptionIndex': '#DIV/0!' }))).toEqual([
      'SPREADSHEET_ERROR warning 1 objectives[0].resources.absorptionIndex "#DIV/0!" -> null',
    ])
  })
  it('is silent for printed values', () => {
    expect(check(SPREADSHEET_ERROR, record(), origins({ 'objectives[0].resources.absorptionIndex': '25%' }))).toEqual([])
  })
})

describe('PLACEHOLDER_VALUE', () => {
  it('empties the comune printed as the template\'s "0"', () => {
    const plan = record([objective()], { plan: { comune: '0', year: 2025, title: null, unit: null } })
    expect(check(PLACEHOLDER_VALUE, plan, origins({ 'objectives[0].comune': '0' }))).toEqual(['PLACEHOLDER_VALUE warning 1 plan.comune "0" -> null'])
    expect(plan.plan.comune).toBeNull()
  })
  it('keeps a real name', () => {
    expect(check(PLACEHOLDER_VALUE, record(), origins({ 'objectives[0].comune': 'Montevecchio', 'plan.comune': 'Montevecchio' }))).toEqual([])
  })
})

describe('HEADER_YEAR_MISMATCH', () => {
  it('reports a card headed 2023 in a 2025 plan', () => {
    expect(check(HEADER_YEAR_MISMATCH, record([objective({ headerYear: 2023 })]))).toEqual(['HEADER_YEAR_MISMATCH warning 1 objectives[0].headerYear 2023 -> null'])
  })
  it('is silent for the plan year', () => {
    expect(check(HEADER_YEAR_MISMATCH, record())).toEqual([])
  })
})

describe('STALE_BASELINE_YEARS', () => {
  const indicator = (years: string[]) => ({ ...emptyIndicator(), name: 'x', baselines: Object.fromEntries(years.map((y) => [y, null])) })
  it('reports baselines 2020, 2019 in a 2025 plan', () => {
    expect(check(STALE_BASELINE_YEARS, record([objective({ indicators: [indicator(['2020', '2019'])] })]))).toEqual([
      'STALE_BASELINE_YEARS info 1 objectives[0].indicators[0].baselines ["2019","2020"] -> null',
    ])
  })
  it('accepts 2024, 2023 in a 2025 plan', () => {
    expect(check(STALE_BASELINE_YEARS, record([objective({ indicators: [indicator(['2024', '2023'])] })]))).toEqual([])
  })
})

describe('TRUNCATED_TEXT', () => {
  it('reports a description that ends on a preposition', () => {
    const plan = record([objective()], { summary: [{ rowLabel: 'd', code: 'C', kind: null, description: 'comunicando i dati richiesti dal', cdr: [], objectiveId: null }] })
    expect(check(TRUNCATED_TEXT, plan)).toEqual(['TRUNCATED_TEXT warning null summary[0].description "comunicando i dati richiesti dal" -> null'])
  })
  it('accepts complete sentences', () => {
    expect(check(TRUNCATED_TEXT, record())).toEqual([])
  })
})

describe('VALUE_INTERPRETED', () => {
  it('reads a bare "1" among percentages as 100%', () => {
    const plan = record([objective({ areas: [area('TECNICO', 100, 14, { measures: [{ indicator: 'a', expected: percent('95%', 0.95) }, { indicator: 'b', expected: number('1', 1) }] })] })])
    expect(check(VALUE_INTERPRETED, plan)).toEqual([
      'VALUE_INTERPRETED info 1 objectives[0].areas[0].measures[1].expected "1" -> {"raw":"1","kind":"percent","value":1}',
    ])
    expect(plan.objectives[0]?.areas[0]?.measures[1]?.expected).toEqual(percent('1', 1))
  })
  it('reports a lower-case "si" read as yes', () => {
    const plan = record([objective({ indicators: [{ ...emptyIndicator(), name: 'x', target: { raw: 'si', kind: 'boolean', value: true } }] })])
    expect(check(VALUE_INTERPRETED, plan)).toEqual(['VALUE_INTERPRETED info 1 objectives[0].indicators[0].target "si" -> {"raw":"si","kind":"boolean","value":true}'])
  })
  it('leaves numbers that stand among numbers, and "Si"', () => {
    const plan = record([objective({
      areas: [area('TECNICO', 100, 14, { measures: [{ indicator: 'a', expected: number('12', 12) }, { indicator: 'b', expected: number('1', 1) }] })],
      indicators: [{ ...emptyIndicator(), name: 'x', target: { raw: 'Si', kind: 'boolean', value: true } }],
    })])
    expect(check(VALUE_INTERPRETED, plan)).toEqual([])
  })
})

describe('MEASURE_VALUE_MISSING', () => {
  it('reports three indicators with two values (seed card d)', () => {
    const measures = [{ indicator: 'a', expected: percent('60%', 0.6) }, { indicator: 'b', expected: percent('99%', 0.99) }, { indicator: 'c', expected: null }]
    expect(check(MEASURE_VALUE_MISSING, record([objective({ areas: [area('TECNICO', 100, 14, { measures })] })]))).toEqual([
      'MEASURE_VALUE_MISSING warning 1 objectives[0].areas[0].measures[2].expected 2 -> null',
    ])
  })
  it('is silent when every indicator has a value', () => {
    const measures = [{ indicator: 'a', expected: percent('60%', 0.6) }]
    expect(check(MEASURE_VALUE_MISSING, record([objective({ areas: [area('TECNICO', 100, 14, { measures })] })]))).toEqual([])
  })
})

describe('MISSIONE_CODE_NORMALISED', () => {
  it('reports "0.1" -> "01" and "0.2" under 01 -> "0102"', () => {
    const plan = record([objective({ missione: { code: '01', name: 'Servizi istituzionali, generali e di gestione' }, programma: { code: '0102', name: 'Segreteria generale' } })])
    const printed = origins({ 'objectives[0].missione': '0.1 Servizi istituzionali, generali e di gestione', 'objectives[0].programma': '0.2 Segreteria generale' })
    expect(check(MISSIONE_CODE_NORMALISED, plan, printed)).toEqual([
      'MISSIONE_CODE_NORMALISED info 1 objectives[0].missione.code "0.1" -> "01"',
      'MISSIONE_CODE_NORMALISED info 1 objectives[0].programma.code "0.2" -> "0102"',
    ])
  })
  it('is silent for official codes as printed', () => {
    const printed = origins({ 'objectives[0].missione': '08 Assetto del territorio ed edilizia abitativa', 'objectives[0].programma': '0801 Urbanistica e assetto del territorio' })
    expect(check(MISSIONE_CODE_NORMALISED, record(), printed)).toEqual([])
  })
})

describe('MISSIONE_NAME_MISMATCH', () => {
  it('reports a name that is not the official one', () => {
    const plan = record([objective({ programma: { code: '0801', name: 'Urbanistica' } })])
    expect(check(MISSIONE_NAME_MISMATCH, plan)).toEqual(['MISSIONE_NAME_MISMATCH warning 1 objectives[0].programma.name "Urbanistica" -> null'])
  })
  it('accepts official names whatever their case', () => {
    const plan = record([objective({ missione: { code: '08', name: 'ASSETTO DEL TERRITORIO ED EDILIZIA ABITATIVA' } })])
    expect(check(MISSIONE_NAME_MISMATCH, plan)).toEqual([])
  })
})
