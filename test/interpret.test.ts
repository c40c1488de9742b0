import { describe, expect, it } from 'vitest'
import { importBytes } from '../src/pipeline.js'

/** A minimal card as an HTML table, with one column the record has no field for. */
const CARD = `<html><body><table>
<tr><td colspan="4">OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2025</td></tr>
<tr><td colspan="2">PERFORMANCE ORGANIZZATIVA</td><td>N.</td><td>7</td></tr>
<tr><td>TITOLO OBIETTIVO</td><td colspan="3">Riduzione dei tempi di pagamento</td></tr>
<tr><td rowspan="2">RISULTATO ATTESO</td><td>indicatore</td><td>target</td><td>stakeholder</td></tr>
<tr><td>Tempo medio di pagamento</td><td>30</td><td>Fornitori</td></tr>
</table></body></html>`

describe('interpretation', () => {
  it('reports a cell of a recognised table that maps to no field (UNMAPPED_CELL), keeping its text', async () => {
    const { record } = await importBytes(new TextEncoder().encode(CARD), { name: 'card.html' })
    expect(record.objectives.map((o) => [o.id, o.title, o.headerYear])).toEqual([['7', 'Riduzione dei tempi di pagamento', 2025]])
    expect(record.objectives[0]?.indicators).toEqual([
      { name: 'Tempo medio di pagamento', description: null, formula: null, target: { raw: '30', kind: 'number', value: 30 }, baselines: {} },
    ])
    expect(record.findings.filter((f) => f.rule === 'UNMAPPED_CELL')).toEqual([
      {
        rule: 'UNMAPPED_CELL',
        severity: 'warning',
        objectiveId: '7',
        path: null,
        message: 'La cella «Fornitori» non corrisponde a nessun campo del record.',
        found: 'Fornitori',
        corrected: null,
        location: { page: null, table: 1, row: 5, column: 4 },
      },
    ])
  })

  it('maps every cell of the seed plan: no UNMAPPED_CELL there', async () => {
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(new URL('../fixtures/plans/seed-2024/programmazione-2024.html', import.meta.url))
    const { record } = await importBytes(bytes)
    expect(record.findings.filter((f) => f.rule === 'UNMAPPED_CELL')).toEqual([])
  })
})
