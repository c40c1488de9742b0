import { describe, expect, it } from 'vitest'
import { SEED_FILES, imported } from './helpers/fixtures.js'
import { formatLocation } from '../src/model/location.js'

/** rule, objective, path, where (in the xlsx), found -> corrected. */
const EXPECTED = [
  'SUMMARY_LABEL_MISMATCH b summary[1].rowLabel p1 t1 r4c2 (B4) "c" -> null',
  'CARD_MISSING null summary[2].description p1 t1 r5c4 (D5) "Gestione strumenti di programmazione 2025/2027: -> null',
  'TRUNCATED_TEXT null summary[2].description p1 t1 r5c4 (D5) "Gestione strumenti di programmazione 2025/2027: -> null',
  'SUMMARY_LABEL_MISMATCH d summary[3].rowLabel p1 t1 r6c2 (B6) "e" -> null',
  'SUMMARY_ROW_EMPTY null summary[4].description p1 t1 r7c2 (B7) null -> null',
  'HEADER_YEAR_MISMATCH a objectives[0].headerYear p2 t2 r1c1 (A1) 2023 -> null',
  'PLACEHOLDER_VALUE a plan.comune p2 t2 r3c6 (F3) "0" -> null',
  'MISSIONE_CODE_NORMALISED a objectives[0].missione.code p2 t2 r5c2 (B5) "0.1" -> "01"',
  'MISSIONE_CODE_NORMALISED a objectives[0].programma.code p2 t2 r6c2 (B6) "0.2" -> "0102"',
  'STALE_BASELINE_YEARS a objectives[0].indicators[0].baselines p2 t2 r9c7 (G9) ["2019","2020"] -> null',
  'RATING_INFERRED a objectives[0].weighting.importanza p2 t2 r15c2 (B15) null -> "alto"',
  'SPREADSHEET_ERROR a objectives[0].resources.absorptionIndex p2 t2 r19c8 (H19) "#DIV/0!" -> null',
  'VALUE_INTERPRETED a objectives[0].areas[0].measures[2].expected p2 t2 r23c8 (H23) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED a objectives[0].areas[1].measures[2].expected p2 t2 r24c8 (H24) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED a objectives[0].areas[2].measures[2].expected p2 t2 r29c6 (F29) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED a objectives[0].areas[3].measures[2].expected p2 t2 r33c6 (F33) "1" -> {"raw":"1","kind":"percent","value":1}',
  'HEADER_YEAR_MISMATCH b objectives[1].headerYear p3 t3 r1c1 (A1) 2023 -> null',
  'PLACEHOLDER_VALUE b plan.comune p3 t3 r3c4 (D3) "0" -> null',
  'SPREADSHEET_ERROR b objectives[1].resources.absorptionIndex p3 t3 r19c8 (H19) "#DIV/0!" -> null',
  'VALUE_INTERPRETED b objectives[1].areas[0].measures[1].expected p3 t3 r24c6 (F24) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED b objectives[1].areas[1].measures[1].expected p3 t3 r26c6 (F26) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED b objectives[1].areas[2].measures[1].expected p3 t3 r28c6 (F28) "1" -> {"raw":"1","kind":"percent","value":1}',
  'VALUE_INTERPRETED b objectives[1].areas[3].measures[1].expected p3 t3 r30c6 (F30) "1" -> {"raw":"1","kind":"percent","value":1}',
  'HEADER_YEAR_MISMATCH d objectives[2].headerYear p4 t4 r1c1 (A1) 2023 -> null',
  'PLACEHOLDER_VALUE d plan.comune p4 t4 r3c5 (E3) "0" -> null',
  'MISSIONE_CODE_NORMALISED d objectives[2].missione.code p4 t4 r5c2 (B5) "0.1" -> "01"',
  'MISSIONE_CODE_NORMALISED d objectives[2].programma.code p4 t4 r6c2 (B6) "0.8" -> "0108"',
  'STALE_BASELINE_YEARS d objectives[2].indicators[0].baselines p4 t4 r9c6 (F9) ["2019","2020"] -> null',
  'VALUE_INTERPRETED d objectives[2].indicators[2].target p4 t4 r12c5 (E12) "si" -> {"raw":"si","kind":"boolean","value":true}',
  'MEASURE_VALUE_MISSING d objectives[2].areas[0].measures[2].expected p4 t4 r27c5 (E27) 2 -> null',
  'MEASURE_VALUE_MISSING d objectives[2].areas[1].measures[2].expected p4 t4 r28c5 (E28) 2 -> null',
  'MEASURE_VALUE_MISSING d objectives[2].areas[2].measures[2].expected p4 t4 r29c5 (E29) 2 -> null',
  'MEASURE_VALUE_MISSING d objectives[2].areas[3].measures[2].expected p4 t4 r30c5 (E30) 2 -> null',
]

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null'
  return typeof value === 'string' && value.length > 45 ? `${text.slice(0, 48)}` : text
}

describe('findings of the seed plan', () => {
  it('are exactly the documented ones, each pointing at its cell (xlsx)', async () => {
    const { record } = await imported('plans/seed-2024/programmazione-2024.xlsx')
    const lines = record.findings.map(
      (f) => `${f.rule} ${f.objectiveId} ${f.path} ${formatLocation(f.location)} ${show(f.found)} -> ${show(f.corrected)}`,
    )
    expect(lines).toEqual(EXPECTED)
  })

  it('carry severities and one-sentence messages', async () => {
    const { record } = await imported('plans/seed-2024/programmazione-2024.xlsx')
    expect(record.findings[1]).toEqual({
      rule: 'CARD_MISSING',
      severity: 'error',
      objectiveId: null,
      path: 'summary[2].description',
      message: 'La riga «d» (Cod. C) del riepilogo non ha una scheda obiettivo.',
      found: record.summary[2]?.description,
      corrected: null,
      location: { page: 1, table: 1, row: 5, column: 4, cell: 'D5' },
    })
    expect(record.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['CARD_MISSING'])
  })

  it.each(SEED_FILES.slice(1))('are the same rules, objectives and paths from %s, each with a location', async (file) => {
    const { record: xlsx } = await imported('plans/seed-2024/programmazione-2024.xlsx')
    const { record } = await imported(file)
    const key = (f: (typeof record.findings)[number]) => `${f.rule} ${f.objectiveId} ${f.path}`
    const own = record.findings.filter((f) => f.rule !== 'DOCX_WARNING')
    expect(own.map(key).sort()).toEqual(xlsx.findings.map(key).sort())
    for (const finding of own) expect(finding.location?.table).toBeGreaterThan(0)
  })

  it('passes on the Word converter\'s warnings as findings', async () => {
    const { record } = await imported('plans/seed-2024/programmazione-2024.docx')
    // LibreOffice's own paragraph styles: their text is read as plain text, so only an info.
    expect(record.findings.filter((f) => f.rule === 'DOCX_WARNING').map((f) => `${f.severity} ${f.message}`)).toEqual([
      'info Conversione Word: lo stile di paragrafo «Body Text» non è noto, il suo testo è letto come testo semplice.',
      'info Conversione Word: lo stile di paragrafo «Table Contents» non è noto, il suo testo è letto come testo semplice.',
    ])
  })
})
