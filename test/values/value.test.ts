import { describe, expect, it } from 'vitest'
import { asPercent, parseCurrency, parseValue } from '../../src/values/value.js'

describe('parseValue', () => {
  it.each([
    ['95%', { raw: '95%', kind: 'percent', value: 0.95 }],
    ['95 %', { raw: '95 %', kind: 'percent', value: 0.95 }],
    ['12,5%', { raw: '12,5%', kind: 'percent', value: 0.125 }],
    ['Si', { raw: 'Si', kind: 'boolean', value: true }],
    ['sì', { raw: 'sì', kind: 'boolean', value: true }],
    ['SI', { raw: 'SI', kind: 'boolean', value: true }],
    ['no', { raw: 'no', kind: 'boolean', value: false }],
    ['4,5', { raw: '4,5', kind: 'number', value: 4.5 }],
    ['€ 100,00', { raw: '€ 100,00', kind: 'currency', value: 100 }],
    ['1.200,50 €', { raw: '1.200,50 €', kind: 'currency', value: 1200.5 }],
    ['€ -', { raw: '€ -', kind: 'currency', value: 0 }],
    ['#DIV/0!', { raw: '#DIV/0!', kind: 'number', value: null }],
    ['#N/A', { raw: '#N/A', kind: 'number', value: null }],
    ['entro il 31.12.2024', { raw: 'entro il 31.12.2024', kind: 'text', value: 'entro il 31.12.2024' }],
  ])('reads %j', (text, value) => {
    expect(parseValue(text)).toEqual(value)
  })

  it('gives null for empty text', () => {
    expect(parseValue('  ')).toBeNull()
  })
})

describe('parseCurrency', () => {
  it('leaves text that is not an amount', () => {
    expect(parseCurrency('€')).toBeUndefined()
    expect(parseCurrency('euro zona')).toBeUndefined()
  })
})

describe('asPercent', () => {
  it('reads a bare number among percentages as a percentage', () => {
    expect(asPercent({ raw: '1', kind: 'number', value: 1 })).toEqual({ raw: '1', kind: 'percent', value: 1 })
    expect(asPercent({ raw: '50', kind: 'number', value: 50 })).toEqual({ raw: '50', kind: 'percent', value: 0.5 })
  })
  it('leaves other values alone', () => {
    expect(asPercent({ raw: '95%', kind: 'percent', value: 0.95 })).toBeNull()
    expect(asPercent({ raw: '250', kind: 'number', value: 250 })).toBeNull()
  })
})
