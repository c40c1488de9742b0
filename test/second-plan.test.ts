import { describe, expect, it } from 'vitest'
import { imported } from './helpers/fixtures.js'
import { formatLocation } from '../src/model/location.js'

const FILES = [
  'plans/montevecchio-2025/piano-performance-2025.xlsx',
  'plans/montevecchio-2025/piano-performance-2025.html',
  'plans/montevecchio-2025/piano-performance-2025-calc.pdf',
  'plans/montevecchio-2025/piano-performance-2025-chromium.pdf',
  'plans/montevecchio-2025/piano-performance-2025-borderless-chromium.pdf',
] as const

describe.each(FILES)('Montevecchio 2025, a plan with injected faults (%s)', (file) => {
  it('finds every injected fault, and corrects it where rules.md says so', async () => {
    const { record } = await imported(file)
    const faults = record.findings
      .filter((f) => f.rule !== 'AREA_ALIAS')
      .map((f) => `${f.rule} ${f.objectiveId} ${f.path} ${JSON.stringify(f.found)} -> ${JSON.stringify(f.corrected)}`)
    expect(faults).toEqual([
      // card 2: % di contribuzione 40 + 30 + 20
      'CONTRIBUTION_SUM 2 objectives[1].areas 90 -> null',
      // card 3: peso assoluto typed 7 where 16 x 50% = 8
      'ABSOLUTE_WEIGHT_MISMATCH 3 objectives[2].areas[0].absoluteWeight 7 -> 8',
      // card 4: Esito Pesatura 18 against A/A/M/M = 16, and the weights computed from 18
      'SCORE_MISMATCH 4 objectives[3].weighting.score 18 -> 16',
      'ABSOLUTE_WEIGHT_MISMATCH 4 objectives[3].areas[0].absoluteWeight 5.4 -> 4.8',
      'ABSOLUTE_WEIGHT_MISMATCH 4 objectives[3].areas[1].absoluteWeight 3.6 -> 3.2',
      'ABSOLUTE_WEIGHT_MISMATCH 4 objectives[3].areas[2].absoluteWeight 3.6 -> 3.2',
      'ABSOLUTE_WEIGHT_MISMATCH 4 objectives[3].areas[3].absoluteWeight 2.7 -> 2.4',
      'ABSOLUTE_WEIGHT_MISMATCH 4 objectives[3].areas[4].absoluteWeight 2.7 -> 2.4',
      // card 5: an area no registry knows
      'AREA_UNKNOWN 5 objectives[4].areas[5].area "Ufficio Cultura e Turismo" -> null',
      // card 6: Complessità's mark lost, 14 = 5 + 3 + ? + 3
      'RATING_INFERRED 6 objectives[5].weighting.complessita null -> "medio"',
    ])
    for (const finding of record.findings) expect(formatLocation(finding.location)).toMatch(/t\d+ r\d+c\d+/)
  })

  it('maps the printed area names to canonical areas and totals them', async () => {
    const { record } = await imported(file)
    expect(record.findings.filter((f) => f.rule === 'AREA_ALIAS')).toHaveLength(22)
    expect(record.objectives.map((o) => o.areas.map((a) => `${a.area} ${a.contributionPct} ${a.absoluteWeight}`))).toEqual([
      ['tecnico 40 7.2', 'amministrativo 30 5.4', 'finanziario 30 5.4'],
      ['finanziario 40 5.6', 'amministrativo 30 4.2', 'demografico 20 2.8'],
      ['tecnico 50 8', 'vigilanza 25 4', 'finanziario 25 4'],
      ['vigilanza 30 4.8', 'tecnico 20 3.2', 'amministrativo 20 3.2', 'demografico 15 2.4', 'finanziario 15 2.4'],
      ['amministrativo 25 3', 'finanziario 15 1.8', 'tecnico 15 1.8', 'vigilanza 15 1.8', 'demografico 15 1.8', 'ufficio-cultura-e-turismo 15 1.8'],
      ['demografico 50 7', 'amministrativo 30 4.2', 'finanziario 20 2.8'],
    ])
    expect(record.areas).toEqual([
      { area: 'tecnico', label: 'TECNICO', objectives: 4, absoluteWeight: 20.2 },
      { area: 'amministrativo', label: 'AMMINISTRATIVO', objectives: 5, absoluteWeight: 20 },
      { area: 'finanziario', label: 'FINANZIARIO', objectives: 6, absoluteWeight: 22 },
      { area: 'demografico', label: 'DEMOGRAFICO', objectives: 4, absoluteWeight: 14 },
      { area: 'vigilanza', label: 'VIGILANZA', objectives: 3, absoluteWeight: 10.6 },
      { area: 'ufficio-cultura-e-turismo', label: 'Ufficio Cultura e Turismo', objectives: 1, absoluteWeight: 1.8 },
    ])
  })

  it('reads the plan, the scores and the resources', async () => {
    const { record } = await imported(file)
    expect(record.plan).toEqual({ comune: 'Montevecchio', year: 2025, title: 'Programmazione Obiettivi di Performance 2025', unit: 'Segreteria generale' })
    expect(record.objectives.map((o) => [o.id, o.code, o.weighting.declaredScore, o.weighting.score, o.resources.absorptionIndex])).toEqual([
      ['1', 'A', 18, 18, 0.25],
      ['2', 'B', 14, 14, 0.2],
      ['3', 'C', 16, 16, 0.3],
      ['4', 'D', 18, 16, 0.15],
      ['5', 'E', 12, 12, 0.25],
      ['6', 'F', 14, 14, 0.4],
    ])
    expect(record.objectives[0]?.programma).toEqual({ code: '0801', name: 'Urbanistica e assetto del territorio' })
  })
})

describe('Montevecchio 2025 across formats', () => {
  it.each(FILES.slice(1))('%s gives the objectives, summary, plan and areas of the workbook', async (file) => {
    const { record: xlsx } = await imported(FILES[0])
    const { record } = await imported(file)
    expect(record.objectives).toEqual(xlsx.objectives)
    expect(record.summary).toEqual(xlsx.summary)
    expect(record.plan).toEqual(xlsx.plan)
    expect(record.areas).toEqual(xlsx.areas)
  })
})
