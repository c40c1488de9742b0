import { describe, expect, it } from 'vitest'
import { parseTarget } from '../../src/values/target.js'
import { isoDate, yearsIn } from '../../src/values/date.js'
import { categoryInTitle, categoryOf, codeAndTitle, leadingNumber, markOf, numberOf, parseWeight, splitPerson, splitUnitAndPerson } from '../../src/interpret/fields.js'
import { properName } from '../../src/interpret/scope.js'

describe('targets with comparators', () => {
  it.each([
    ['≥ 95%', '>=', { raw: '≥ 95%', kind: 'percent', value: 0.95 }],
    ['= 45.000', '=', { raw: '= 45.000', kind: 'number', value: 45000 }],
    ['=90%', '=', { raw: '=90%', kind: 'percent', value: 0.9 }],
    ['maggiore o uguale a 90,00%', '>=', { raw: 'maggiore o uguale a 90,00%', kind: 'percent', value: 0.9 }],
    ['minore o uguale a 20', '<=', { raw: 'minore o uguale a 20', kind: 'number', value: 20 }],
    ['<= 30', '<=', { raw: '<= 30', kind: 'number', value: 30 }],
    ['entro il 31.05.2016', '<=', { raw: 'entro il 31.05.2016', kind: 'text', value: '2016-05-31' }],
    ['1.250,50', null, { raw: '1.250,50', kind: 'number', value: 1250.5 }],
    ["entro l'anno", null, { raw: "entro l'anno", kind: 'text', value: "entro l'anno" }],
  ])('%s', (text, comparator, target) => {
    expect(parseTarget(text)).toEqual({ comparator, target })
  })
  it('reads a dash as nothing printed', () => {
    expect(parseTarget('–')).toEqual({ comparator: null, target: null })
  })
})

describe('dates and durations', () => {
  it('reads Italian dates into ISO ones', () => {
    expect(['31.12.2020', '31/12/2020', '1-6-2024', '2020-12-31', '31 dicembre 2020', '31.02.2020'].map(isoDate)).toEqual(['2020-12-31', '2020-12-31', '2024-06-01', '2020-12-31', '2020-12-31', null])
  })
  it('reads the years of a duration', () => {
    expect([yearsIn('2016 2017 2018'), yearsIn('2024-2026'), yearsIn('2024')]).toEqual([[2016, 2017, 2018], [2024, 2025, 2026], [2024]])
  })
})

describe('weights in other scales', () => {
  it.each([
    ['20', 'points', { weight: { raw: '20', scale: 'points', value: 20 }, prerequisite: false }],
    ['1,2', 'coefficient', { weight: { raw: '1,2', scale: 'coefficient', value: 1.2 }, prerequisite: false }],
    ['30%', 'points', { weight: { raw: '30%', scale: 'percent', value: 30 }, prerequisite: false }],
    ['0,25', 'percent', { weight: { raw: '0,25', scale: 'percent', value: 25 }, prerequisite: false }],
    ['X', 'points', { weight: { raw: 'X', scale: 'points', value: null }, prerequisite: true }],
  ] as const)('%s under a %s label', (text, scale, expected) => {
    expect(parseWeight(text, scale)).toEqual(expected)
  })
  it('gives nothing for a blank or a dash', () => {
    expect([parseWeight('', 'points'), parseWeight('–', 'points')]).toEqual([null, null])
  })
})

describe('people and units', () => {
  it('splits a role from a name', () => {
    expect(splitPerson('Istruttore direttivo (D4) dott.ssa Carla Rinaldi')).toEqual({ name: 'dott.ssa Carla Rinaldi', role: 'Istruttore direttivo (D4)' })
    expect(splitPerson('Anna Bianchi (Dirigente)')).toEqual({ name: 'Anna Bianchi', role: 'Dirigente' })
    expect(splitPerson('ing. Marco Ferri')).toEqual({ name: 'ing. Marco Ferri', role: null })
  })
  it('splits «Settore / Responsabile», keeping a composite unit whole', () => {
    expect(splitUnitAndPerson('Servizi Finanziari / dott.ssa Anna Bianchi')).toEqual({ unit: 'Servizi Finanziari', person: { name: 'dott.ssa Anna Bianchi', role: null } })
    expect(splitUnitAndPerson('TECNICO/PATRIMONIO/LL.PP.')).toEqual({ unit: 'TECNICO/PATRIMONIO/LL.PP.', person: null })
  })
  it('writes a name printed in capitals as it is written', () => {
    expect([properName('SAN VITO AL PIANO'), properName("SANT'ANGELO DEI LOMBARDI"), properName('Monteferro')]).toEqual(['San Vito al Piano', "Sant'Angelo dei Lombardi", 'Monteferro'])
  })
})

describe('numbers, codes and groupings', () => {
  it('takes the number printed before a title, not a title that starts with a number', () => {
    expect(leadingNumber('n. 0 Codice di comportamento (pre requisito)')).toEqual({ id: '0', rest: 'Codice di comportamento (pre requisito)' })
    expect(leadingNumber('6 - SVILUPPO DEI SERVIZI')).toEqual({ id: '6', rest: 'SVILUPPO DEI SERVIZI' })
    expect(leadingNumber('3.01 Riordino archivio')).toEqual({ id: '3.01', rest: 'Riordino archivio' })
    expect(leadingNumber('2 corsi di formazione obbligatoria')).toBeNull()
  })
  it('reads an objective number alone in its cell', () => {
    expect(['1', 'n. 4', '3.01', 'OB1', 'Obiettivo n. 7', 'Trasparenza'].map(numberOf)).toEqual(['1', '4', '3.01', 'OB1', '7', null])
  })
  it('splits a code from its title', () => {
    expect(codeAndTitle('2.1 - Cura e manutenzione del patrimonio')).toEqual({ code: '2.1', title: 'Cura e manutenzione del patrimonio' })
    expect(codeAndTitle('0101')).toEqual({ code: '0101', title: null })
    expect(codeAndTitle('AMMINISTRAZIONE GENERALE')).toEqual({ code: null, title: 'AMMINISTRAZIONE GENERALE' })
  })
  it('names the plan\'s groupings', () => {
    expect(['Obiettivi di mantenimento', 'OBIETTIVI DI SVILUPPO', 'Obiettivo strategico', 'Obiettivi trasversali', 'Servizi demografici'].map(categoryOf)).toEqual(['mantenimento', 'sviluppo', 'strategico', 'trasversale', null])
    expect(categoryInTitle('Esercitazione sul rischio sismico (obiettivo di gruppo)')).toBe('di gruppo')
  })
  it('tells a ticked box from an empty one', () => {
    expect(['x', 'X', '✓', '☒', 'si', 'SÌ', '☐', 'no', '', 'Alto'].map(markOf)).toEqual([true, true, true, true, true, true, false, false, false, null])
  })
})
