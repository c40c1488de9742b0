import { describe, expect, it } from 'vitest'
import SUMMARY_LABEL_MISMATCH from '../../src/rules/SUMMARY_LABEL_MISMATCH.js'
import CARD_MISSING from '../../src/rules/CARD_MISSING.js'
import SUMMARY_ROW_EMPTY from '../../src/rules/SUMMARY_ROW_EMPTY.js'
import CARD_NOT_IN_SUMMARY from '../../src/rules/CARD_NOT_IN_SUMMARY.js'
import DUPLICATE_OBJECTIVE from '../../src/rules/DUPLICATE_OBJECTIVE.js'
import { check, objective, record } from '../helpers/record.js'
import { linkSummary, titleSimilarity } from '../../src/interpret/link.js'

const row = (rowLabel: string, code: string | null, description: string | null, objectiveId: string | null = null) => ({
  rowLabel, code, kind: 'Obiettivo P. Organizzativa', description, cdr: ['TUTTI'], objectiveId,
})

describe('linking summary rows to cards', () => {
  it('links by title even when labels and positions differ, tolerating markup and truncation', () => {
    const cards = [objective({ id: 'b', code: null, title: 'Attuazione di formazione obbligatoria mediante piattaforma SYLLABUS' })]
    const rows = [row('a', 'A', 'Gestione strumenti di programmazione 2025/2027'), row('c', 'B', 'Attuazione di <b>formazione</b> obbligatoria mediante')]
    linkSummary(rows, cards)
    expect(rows.map((r) => r.objectiveId)).toEqual([null, 'b'])
    expect(cards[0]?.code).toBe('B')
  })
  it('measures title similarity on the shorter text', () => {
    expect(titleSimilarity('Transizione Digitale e digitalizzazione', 'Informatizzazione: Transizione Digitale e digitalizzazione: attivazione')).toBe(1)
    expect(titleSimilarity('Gestione strumenti di programmazione', 'Prevenzione della Corruzione')).toBe(0)
  })
})

describe('SUMMARY_LABEL_MISMATCH', () => {
  it('reports row "c" describing card "b"', () => {
    const plan = record([objective({ id: 'b' })], { summary: [row('c', 'B', 'x', 'b')] })
    expect(check(SUMMARY_LABEL_MISMATCH, plan)).toEqual(['SUMMARY_LABEL_MISMATCH warning b summary[0].rowLabel "c" -> null'])
  })
  it('is silent when the row label is the card id (any case)', () => {
    expect(check(SUMMARY_LABEL_MISMATCH, record([objective({ id: 'b' })], { summary: [row('B', 'B', 'x', 'b')] }))).toEqual([])
  })
})

describe('CARD_MISSING', () => {
  it('reports a described row with no card', () => {
    const plan = record([objective()], { summary: [row('1', 'A', 'Digitalizzazione', '1'), row('d', 'C', 'Gestione strumenti')] })
    expect(check(CARD_MISSING, plan)).toEqual(['CARD_MISSING error null summary[1].description "Gestione strumenti" -> null'])
  })
  it('is silent for linked rows and empty rows', () => {
    expect(check(CARD_MISSING, record([objective()], { summary: [row('1', 'A', 'x', '1'), row('12', null, null)] }))).toEqual([])
  })
})

describe('SUMMARY_ROW_EMPTY', () => {
  it('reports a row with no description', () => {
    expect(check(SUMMARY_ROW_EMPTY, record([objective()], { summary: [row('12', null, null)] }))).toEqual([
      'SUMMARY_ROW_EMPTY warning null summary[0].description null -> null',
    ])
  })
  it('is silent for described rows', () => {
    expect(check(SUMMARY_ROW_EMPTY, record())).toEqual([])
  })
})

describe('CARD_NOT_IN_SUMMARY', () => {
  it('reports a card no row describes', () => {
    const plan = record([objective(), objective({ id: '2', title: 'Sicurezza urbana' })], { summary: [row('1', 'A', 'x', '1')] })
    expect(check(CARD_NOT_IN_SUMMARY, plan)).toEqual(['CARD_NOT_IN_SUMMARY warning 2 objectives[1] "Sicurezza urbana" -> null'])
  })
  it('is silent when every card is described, or the plan has no summary', () => {
    expect(check(CARD_NOT_IN_SUMMARY, record())).toEqual([])
    expect(check(CARD_NOT_IN_SUMMARY, record([objective()], { summary: [] }))).toEqual([])
  })
})

describe('DUPLICATE_OBJECTIVE', () => {
  it('reports the second card with the same id', () => {
    expect(check(DUPLICATE_OBJECTIVE, record([objective(), objective()]))).toEqual(['DUPLICATE_OBJECTIVE error 1 objectives[1].id "1" -> null'])
  })
  it('is silent for distinct ids', () => {
    expect(check(DUPLICATE_OBJECTIVE, record([objective(), objective({ id: '2' })]))).toEqual([])
  })
})
