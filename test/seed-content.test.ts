import { describe, expect, it } from 'vitest'
import { SEED_FILES, imported } from './helpers/fixtures.js'

const TITLE_A =
  "Prevenzione della Corruzione e implementazione della Trasparenza con adeguamento sezione PIAO- Aggiornamento e integrazione al PTPCT del Codice di comportamento dell'Ente"
const TITLE_B =
  'Attuazione di formazione obbligatoria mediante piattaforma SYLLABUS o altro con corsi scelti dai singoli responsabili: almeno n. 2 corsi con relativo attestato di partecipazione volto a garantire 24 ore di formazione);'
const TITLE_D =
  'Informatizzazione: Transizione Digitale e digitalizzazione: attivazione adempimenti previsti dai progetti PNNR nel rispetto delle scadenze previste'
const AREAS = ['amministrativo', 'finanziario', 'tecnico', 'vigilanza']

describe.each(SEED_FILES)('seed plan from %s', (file) => {
  it('reads the plan header', async () => {
    const { record } = await imported(file)
    expect(record.plan).toEqual({ comune: null, year: 2024, title: 'Programmazione Obiettivi di Performance 2024', unit: null })
  })

  it('reads the summary rows a, c, d, e, 12 and links them to cards by title', async () => {
    const { record } = await imported(file)
    expect(record.summary.map((row) => [row.rowLabel, row.code, row.kind, row.cdr, row.objectiveId])).toEqual([
      ['a', 'A', 'Obiettivo P. Organizzativa', ['TUTTI'], 'a'],
      ['c', 'B', 'Obiettivo P. Organizzativa', ['TUTTI'], 'b'],
      ['d', 'C', 'Obiettivo P. Organizzativa', ['TUTTI'], null],
      ['e', 'D', 'Obiettivo P. Organizzativa', ['TUTTI'], 'd'],
      ['12', null, 'Obiettivo P. Organizzativa', ['TUTTI'], null],
    ])
    expect(record.summary[2]?.description?.endsWith('comunicando i dati richiesti dal')).toBe(true)
    expect(record.summary[4]?.description).toBeNull()
  })

  it('reads cards a, b, d with codes, titles and header years', async () => {
    const { record } = await imported(file)
    expect(record.objectives.map((o) => [o.id, o.code, o.kind, o.title, o.headerYear])).toEqual([
      ['a', 'A', 'organizzativa', TITLE_A, 2023],
      ['b', 'B', 'organizzativa', TITLE_B, 2023],
      ['d', 'D', 'organizzativa', TITLE_D, 2023],
    ])
    expect(record.objectives.map((o) => o.cdr)).toEqual([
      { primary: 'TUTTI', involved: ['TUTTI'] },
      { primary: 'TUTTI', involved: ['TUTTI'] },
      { primary: 'TUTTI', involved: ['TUTTI'] },
    ])
  })

  it('normalises Missione and Programma codes', async () => {
    const { record } = await imported(file)
    expect(record.objectives.map((o) => [o.missione, o.programma])).toEqual([
      [{ code: '01', name: 'Servizi istituzionali, generali e di gestione' }, { code: '0102', name: 'Segreteria generale' }],
      [null, null],
      [{ code: '01', name: 'Servizi istituzionali, generali e di gestione' }, { code: '0108', name: 'Statistica e sistemi informativi' }],
    ])
  })

  it('reads the weighting: declared scores 18, 14, 20 and the ratings, card a\'s lost mark inferred', async () => {
    const { record } = await imported(file)
    expect(record.objectives.map((o) => o.weighting)).toEqual([
      { importanza: 'alto', impattoEsterno: 'alto', complessita: 'alto', realizzabilita: 'medio', declaredScore: 18, score: 18 },
      { importanza: 'alto', impattoEsterno: 'medio', complessita: 'medio', realizzabilita: 'medio', declaredScore: 14, score: 14 },
      { importanza: 'alto', impattoEsterno: 'alto', complessita: 'alto', realizzabilita: 'basso', declaredScore: 20, score: 20 },
    ])
    // The mark was lost in the document: the record says so with the inference.
    const inferred = record.findings.filter((f) => f.rule === 'RATING_INFERRED')
    expect(inferred.map((f) => [f.objectiveId, f.path, f.found, f.corrected])).toEqual([
      ['a', 'objectives[0].weighting.importanza', null, 'alto'],
    ])
  })

  it("reads card a's four indicator rows, the second without a name of its own", async () => {
    const { record } = await imported(file)
    const indicators = record.objectives[0]?.indicators ?? []
    expect(indicators.map((i) => [i.name, i.target])).toEqual([
      ['Attuazione degli obblighi in materia di Trasparenza', { raw: '95%', kind: 'percent', value: 0.95 }],
      [null, { raw: 'Si', kind: 'boolean', value: true }],
      ['Attuazione degli obblighi in materia di Anticorruzione', { raw: '95%', kind: 'percent', value: 0.95 }],
      ['Qualità e correttezza degli Atti Amministrativi', { raw: '95%', kind: 'percent', value: 0.95 }],
    ])
    expect(indicators[1]?.description).toBe(
      'Particolare attenzione al rispetto del DLgs 36/2023 art. 26 relativo alla pubblicazione legale degli atti (art. 37 DLgs 33/2013) obbligatorio dal 2024',
    )
    expect(indicators[1]?.formula).toBe('Garantire il 100% delle pubblicazioni sulla piattaforma BDNCP')
    expect(indicators[0]?.baselines).toEqual({ '2019': null, '2020': null })
  })

  it('reads the resources: "€ -" is zero, #DIV/0! leaves the index null, card d 100%', async () => {
    const { record } = await imported(file)
    expect(record.objectives.map((o) => o.resources)).toEqual([
      { programma: 0, obiettivo: 0, absorptionIndex: null },
      { programma: 0, obiettivo: 0, absorptionIndex: null },
      { programma: 100, obiettivo: 100, absorptionIndex: 1 },
    ])
  })

  it('reads four areas at 25% per card with declared weights 4.5, 3.5, 5', async () => {
    const { record } = await imported(file)
    for (const [i, weight] of [4.5, 3.5, 5].entries()) {
      const areas = record.objectives[i]?.areas ?? []
      expect(areas.map((a) => [a.area, a.label, a.contributionPct, a.declaredAbsoluteWeight, a.absoluteWeight])).toEqual(
        AREAS.map((area) => [area, area.toUpperCase(), 25, weight, weight]),
      )
    }
    expect(record.areas).toEqual(AREAS.map((area) => ({ area, label: area.toUpperCase(), objectives: 3, absoluteWeight: 13 })))
  })

  it("reads card a's measures, joined across its continued table, and card d's missing value", async () => {
    const { record } = await imported(file)
    const [a, , d] = record.objectives
    const percent = (raw: string, value: number) => ({ raw, kind: 'percent', value })
    for (const area of a?.areas ?? []) {
      expect(area.measures).toEqual([
        { indicator: 'N.sez. Amm Tras.presidiate/n sez. di competenza', expected: percent('95%', 0.95) },
        { indicator: 'n. mappature eseguite /n. processi del modello di valutazione del rischio', expected: percent('91%', 0.91) },
        { indicator: 'nuovi monitoraggi effettuati/n. nuovi monitoraggi da effettuare', expected: percent('1', 1) },
      ])
    }
    expect(a?.areas[2]?.expectedValue?.includes('(Dlgs 33/2013)')).toBe(true)
    expect(d?.areas[0]?.measures.map((m) => m.expected?.raw ?? null)).toEqual(['60%', '99%', null])
  })
})

describe('seed plan across formats', () => {
  it('gives equal objectives, summary and plan from xlsx, Calc HTML, docx and the windows-1252 portal HTML', async () => {
    const [first, ...others] = await Promise.all(SEED_FILES.map((file) => imported(file)))
    for (const other of others) {
      expect(other.record.objectives).toEqual(first?.record.objectives)
      expect(other.record.summary).toEqual(first?.record.summary)
      expect(other.record.plan).toEqual(first?.record.plan)
      expect(other.record.areas).toEqual(first?.record.areas)
    }
  })

  it('decodes windows-1252 so accented letters and dashes survive', async () => {
    const { record } = await imported('plans/seed-2024/programmazione-2024-portale.html')
    expect(record.summary[0]?.description).toBe(
      "Prevenzione della Corruzione e implementazione della Trasparenza con adeguamento sezione PIAO– Aggiornamento e integrazione al PTPCT del Codice di comportamento dell'Ente",
    )
    expect(record.objectives[0]?.indicators[3]?.name).toBe('Qualità e correttezza degli Atti Amministrativi')
  })

  it('keeps footnote numbers apart from their words', async () => {
    const { record } = await imported('plans/seed-2024/programmazione-2024-portale.html')
    expect(record.objectives[0]?.indicators[0]?.description).toContain('grado di compliance 9, completezza 10 , aggiornamento e apertura 11 degli obblighi')
  })
})
