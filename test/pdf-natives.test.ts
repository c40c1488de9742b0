import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inFreshProcess } from './helpers/cli.js'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

describe('pdf.js loaded by perfplan', () => {
  it('leaves the engine its own Array.prototype.push, JSON.stringify and JSON.parse (pdf.js bundles core-js, which replaces them)', () => {
    // A process of its own: nothing has loaded pdf.js or core-js before perfplan.
    const script = `
      const natives = [Array.prototype.push, JSON.stringify, JSON.parse]
      const { readDocument } = await import(${JSON.stringify(dist)})
      const { readFileSync } = await import('node:fs')
      await readDocument(readFileSync(process.argv[1]))
      const now = [Array.prototype.push, JSON.stringify, JSON.parse]
      process.stdout.write(JSON.stringify({ core: '__core-js_shared__' in globalThis, same: now.map((f, i) => f === natives[i]) }))`
    const pdf = fileURLToPath(new URL('../fixtures/plans/seed-2024/programmazione-2024-calc.pdf', import.meta.url))
    expect(inFreshProcess(script, [pdf])).toEqual({ core: true, same: [true, true, true] })
  })
})
