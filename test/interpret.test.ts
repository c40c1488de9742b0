import { describe, expect, it } from 'vitest'
import { importBytes } from '../src/pipeline.js'
import { imported } from './helpers/fixtures.js'
import { emptyIndicator } from '../src/model/empty.js'

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
      { ...emptyIndicator(), name: 'Tempo medio di pagamento', description: null, formula: null, target: { raw: '30', kind: 'number', value: 30 }, baselines: {} },
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

/** Another comune's card: other label variants, other column order, no summary. */
const VARIANT_CARD = `<html><body><table>
<tr><td colspan="5">Scheda obiettivo 2025</td></tr>
<tr><td colspan="3">Performance individuale</td><td>Obiettivo n</td><td>OB-7</td></tr>
<tr><td>Centro di responsabilità</td><td colspan="2">Servizio Finanziario</td><td>Cdr coinvolti</td><td>Segreteria; Tributi</td></tr>
<tr><td>Missione</td><td colspan="4">1 Servizi istituzionali, generali e di gestione</td></tr>
<tr><td>Programma</td><td colspan="4">0104 Gestione delle entrate tributarie e servizi fiscali</td></tr>
<tr><td>Titolo</td><td colspan="4">Recupero dell'evasione IMU</td></tr>
<tr><td rowspan="2">Risultati attesi</td><td>Valore obiettivo</td><td>Indicatore</td><td>Algoritmo di calcolo</td><td>2024</td></tr>
<tr><td>85 %</td><td>Avvisi emessi</td><td>avvisi / posizioni</td><td>70%</td></tr>
<tr><td rowspan="5">Pesatura</td><td>Criteri</td><td>Alta</td><td>Media</td><td>Bassa</td></tr>
<tr><td>Strategicità</td><td>x</td><td></td><td></td></tr>
<tr><td>Impatto sull'utenza</td><td></td><td>x</td><td></td></tr>
<tr><td>Grado di difficoltà</td><td>x</td><td></td><td></td></tr>
<tr><td>Fattibilità</td><td></td><td></td><td>x</td></tr>
<tr><td>Settore</td><td>Contribuzione</td><td>Peso assoluto</td><td>Valori attesi</td><td>Esito atteso</td></tr>
<tr><td>Ragioneria</td><td>60%</td><td>10,8</td><td>Bonifica banca dati</td><td>85%</td></tr>
<tr><td>Polizia Municipale</td><td>40%</td><td>7,2</td><td>Controlli sul territorio</td><td>90%</td></tr>
</table></body></html>`

describe('interpretation by labels, never by position', () => {
  it("reads another template's card: label variants, columns in another order", async () => {
    const { record } = await importBytes(new TextEncoder().encode(VARIANT_CARD), { name: 'variante.html' })
    const [objective] = record.objectives
    expect(objective).toMatchObject({
      id: 'OB-7',
      kind: 'individuale',
      title: "Recupero dell'evasione IMU",
      cdr: { primary: 'Servizio Finanziario', involved: ['Segreteria', 'Tributi'] },
      missione: { code: '01', name: 'Servizi istituzionali, generali e di gestione' },
      programma: { code: '0104', name: 'Gestione delle entrate tributarie e servizi fiscali' },
      indicators: [
        { ...emptyIndicator(), name: 'Avvisi emessi', description: null, formula: 'avvisi / posizioni', target: { raw: '85 %', kind: 'percent', value: 0.85 }, baselines: { '2024': { raw: '70%', kind: 'percent', value: 0.7 } } },
      ],
      // No «Esito Pesatura»: the score comes from the ratings (SCORE_MISSING): 5 + 3 + 5 + 5.
      weighting: { importanza: 'alto', impattoEsterno: 'medio', complessita: 'alto', realizzabilita: 'basso', declaredScore: null, score: 18 },
    })
    expect(objective?.areas.map((a) => [a.area, a.label, a.contributionPct, a.declaredAbsoluteWeight, a.absoluteWeight, a.expectedValue])).toEqual([
      ['finanziario', 'Ragioneria', 60, 10.8, 10.8, 'Bonifica banca dati'],
      ['vigilanza', 'Polizia Municipale', 40, 7.2, 7.2, 'Controlli sul territorio'],
    ])
    expect(record.findings.map((f) => f.rule)).toEqual(['MISSIONE_CODE_NORMALISED', 'SCORE_MISSING', 'AREA_ALIAS', 'AREA_ALIAS'])
  })
})

/**
 * A card laid out as a table read from a PDF without borders gives it: the section labels
 * stand level with a later row than their headers, a label is cut over two rows, and the
 * score sits in the cell beside «Esito Pesatura».
 */
const LOOSE_CARD = `<html><body><table>
<tr><td colspan="5">OBIETTIVO DELL'ORGANO POLITICO - AMMINISTRATIVO 2025</td></tr>
<tr><td colspan="3">PERFORMANCE ORGANIZZATIVA</td><td>N.</td><td>3</td></tr>
<tr><td>OBIETTIVO</td></tr>
<tr><td>GESTIONALE</td><td colspan="4">Gestione documentale</td></tr>
<tr><td>TITOLO OBIETTIVO</td><td colspan="4">Protocollo digitale</td></tr>
<tr><td></td><td>indicatore</td><td>formula</td><td>target</td><td></td></tr>
<tr><td>RISULTATO ATTESO</td><td>Atti protocollati digitalmente</td><td>atti digitali / atti</td><td>100%</td><td></td></tr>
<tr><td></td><td>Variabili</td><td>RILEVANZA</td><td>Esito Pesatura</td><td>12</td></tr>
<tr><td></td><td></td><td>Alto</td><td>Medio</td><td>Basso</td></tr>
<tr><td>PESO OBIETTIVO</td><td>Importanza</td><td></td><td>x</td><td></td></tr>
<tr><td></td><td>Impatto esterno</td><td></td><td>x</td><td></td></tr>
<tr><td></td><td>Complessità</td><td></td><td></td><td>x</td></tr>
<tr><td></td><td>Realizzabilità</td><td></td><td>x</td><td></td></tr>
</table></body></html>`

describe('a card whose labels stand beside other rows (as read from a PDF without borders)', () => {
  it('opens each section at its header, reads a label cut over two rows, and takes the score beside its label', async () => {
    const { record } = await importBytes(new TextEncoder().encode(LOOSE_CARD), { name: 'loose.html' })
    const [objective] = record.objectives
    expect(objective?.indicators).toEqual([
      { ...emptyIndicator(), name: 'Atti protocollati digitalmente', description: null, formula: 'atti digitali / atti', target: { raw: '100%', kind: 'percent', value: 1 }, baselines: {} },
    ])
    // Medio, Medio, Basso, Medio (Realizzabilità inverted): 3 + 3 + 1 + 3 = 10 against the 12 printed.
    expect(objective?.weighting).toMatchObject({ importanza: 'medio', impattoEsterno: 'medio', complessita: 'basso', realizzabilita: 'medio', declaredScore: 12 })
    // «OBIETTIVO» / «GESTIONALE» is the label of a field the record has not: its value is reported, the label halves are not.
    expect(record.findings.filter((f) => f.rule === 'UNMAPPED_CELL').map((f) => f.found)).toEqual(['Gestione documentale'])
  })
})

describe('a table of the plan that no layout reads', () => {
  const PLAN = `<html><body><h2>Settore: Affari generali</h2>
<table><thead><tr><th>N.</th><th>Obiettivo</th><th>Peso</th></tr></thead>
<tr><td>1</td><td>Riordino dell'archivio</td><td>60</td></tr>
<tr><td>2</td><td>Carta dei servizi</td><td>40</td></tr></table>
<table><tr><td>Fonte dei dati</td><td>Consuntivo</td></tr><tr><td>Risorse umane</td><td>Note</td></tr></table>
</body></html>`

  it('is reported as TABLE_UNREAD with its first row, while the list reads', async () => {
    const { record } = await importBytes(new TextEncoder().encode(PLAN), { name: 'piano.html' })
    expect(record.source.layouts).toEqual(['objective-list'])
    expect(record.objectives.map((o) => [o.id, o.title, o.unit, o.weight?.value])).toEqual([
      ['1', "Riordino dell'archivio", 'Affari generali', 60],
      ['2', 'Carta dei servizi', 'Affari generali', 40],
    ])
    expect(record.findings.filter((f) => f.rule === 'TABLE_UNREAD').map((f) => [f.severity, f.found, f.location])).toEqual([
      ['warning', ['Fonte dei dati', 'Consuntivo'], { page: null, table: 2, row: null, column: null }],
    ])
  })

  it('alone, leaves the document NOT_A_PLAN', async () => {
    const alone = '<table><tr><td>Fonte dei dati</td><td>Consuntivo</td></tr></table>'
    await expect(importBytes(new TextEncoder().encode(alone), { name: 'x.html' })).rejects.toMatchObject({ rule: 'NOT_A_PLAN' })
  })
})

describe('a list whose weights do not add up', () => {
  it('gives WEIGHT_SUM on the unit and OBJECTIVE_INCOMPLETE on the row with an empty weight', async () => {
    const html = `<table><tr><th>N.</th><th>Obiettivo</th><th>Peso %</th></tr>
<tr><td colspan="3">Servizio: Polizia locale</td></tr>
<tr><td>1</td><td>Controllo del territorio</td><td>50%</td></tr>
<tr><td>2</td><td>Educazione stradale nelle scuole</td><td>30%</td></tr>
<tr><td>3</td><td>Regolamento dehors</td><td></td></tr></table>`
    const { record } = await importBytes(new TextEncoder().encode(html), { name: 'piano.html' })
    expect(record.objectives.map((o) => [o.id, o.unit, o.weight])).toEqual([
      ['1', 'Polizia locale', { raw: '50%', scale: 'percent', value: 50 }],
      ['2', 'Polizia locale', { raw: '30%', scale: 'percent', value: 30 }],
      ['3', 'Polizia locale', null],
    ])
    expect(record.findings.filter((f) => f.rule !== 'UNMAPPED_CELL').map((f) => [f.rule, f.objectiveId, f.path, f.found])).toEqual([
      ['WEIGHT_SUM', null, 'objectives[0].weight', 80],
      ['OBJECTIVE_INCOMPLETE', '3', 'objectives[2]', ['weight']],
    ])
  })

  it('sums the weights per «Settore» when the settore is a column and each settore is meant to make 100 (exceljs)', async () => {
    const { record } = await imported('tables/weights-per-settore.xlsx')
    expect(record.objectives.map((o) => [o.id, o.unit, o.weight?.value])).toEqual([
      ['1.1', 'Settore I - Affari generali', 40],
      ['1.2', 'Settore I - Affari generali', 60],
      ['2.1', 'Settore II - Finanze', 50],
      ['2.2', 'Settore II - Finanze', 50],
      ['3.1', 'Settore III - Tecnico', 40],
      ['3.2', 'Settore III - Tecnico', 50],
    ])
    // Settori I and II make 100 each, III makes 90; the «Totale» row (290) is the sum of all.
    expect(record.findings.map((f) => [f.rule, f.path, f.message, f.location?.cell])).toEqual([
      ['WEIGHT_SUM', 'objectives[4].weight', 'I pesi degli obiettivi di «Settore III - Tecnico» sommano a 90 invece di 100.', 'G10'],
    ])
  })
})

describe('a portal page with a table per programma', () => {
  it('gives each objective the Missione and Programma its heading names, and sums the weights over all the tables (hand-written page)', async () => {
    const { record } = await imported('tables/portale-per-programma.html')
    expect(record.objectives.map((o) => [o.id, o.unit, o.missione?.code, o.programma?.code, o.programma?.name, o.weight?.value])).toEqual([
      ['1', 'Area Amministrativa', '01', '0101', 'Organi istituzionali', 10],
      ['2', 'Area Amministrativa', '01', '0101', 'Organi istituzionali', 5],
      ['3', 'Area Finanziaria', '01', '0104', 'Gestione delle entrate tributarie e servizi fiscali', 15],
      ['4', 'Area Tecnica', '10', '1005', 'Viabilità e infrastrutture stradali', 70],
    ])
    expect(record.objectives[3]?.missione?.name).toBe('Trasporti e diritto alla mobilità')
    expect(record.objectives[2]?.indicators.map((i) => [i.name, i.target?.raw])).toEqual([
      ['Utenze recuperate', '150'],
      ['Maggior gettito', '€ 40.000,00'],
    ])
    // 10 + 5, 15 and 70: no table makes 100, all of them do.
    expect(record.findings).toEqual([])
  })
})
