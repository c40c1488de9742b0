import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseNumber, round4 } from '../../src/values/number.js'

/** Prints a number the way an Italian document does: dot for thousands, comma for decimals. */
function italian(value: number, decimals: number, grouped: boolean): string {
  const [integer = '0', fraction] = Math.abs(value).toFixed(decimals).split('.')
  const body = grouped ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : integer
  return `${value < 0 ? '-' : ''}${body}${fraction ? `,${fraction}` : ''}`
}

describe('parseNumber', () => {
  it.each([
    ['4,5', 4.5],
    ['1.234,56', 1234.56],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['4.5', 4.5],
    ['1,234.5', 1234.5],
    ['-3', -3],
    [' 18 ', 18],
    ['0,25', 0.25],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', '-', 'abc', '12a', '1.23.4', '1,2,3,4', '€ 5', '25%'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeNull()
  })

  it('reads back any number printed in Italian style, grouped or not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (value, decimals, grouped) => {
          const printed = italian(value, decimals, grouped)
          expect(parseNumber(printed)).toBe(Number(Math.abs(value).toFixed(decimals)) * (printed.startsWith('-') ? -1 : 1) + 0)
        },
      ),
    )
  })

  it('never throws and returns a finite number or null for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const n = parseNumber(text)
        expect(n === null || Number.isFinite(n)).toBe(true)
      }),
    )
  })
})

describe('round4', () => {
  it('keeps at most four decimals', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
      const rounded = round4(value)
      expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.00005 + 1e-9)
      expect(String(rounded).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4)
    }))
  })
})
