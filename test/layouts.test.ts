import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { PlanRecord } from '../src/model/record.js'
import { imported } from './helpers/fixtures.js'

/**
 * The plans of other comuni, one fixture per layout of labels.md §12, each made by a real
 * tool (python-docx, exceljs, a hand-written portal page) and exported to PDF (LibreOffice,
 * Chromium). Their ground truth (test/expected/<plan>.json) is written by the fixture's own
 * generator from the same data: what the document prints, field by field. Every format of a
 * plan must read to it, and give exactly the findings injected into it (UNMAPPED_CELL and
 * info findings aside: those are listed by the tests of their own).
 */
interface Expected {
  files: string[]
  layouts: string[]
  plan: Partial<PlanRecord['plan']>
  summary?: Record<string, unknown>[]
  objectives: Record<string, unknown>[]
  findings: { rule: string; objectiveId: string | null }[]
}

const dir = fileURLToPath(new URL('./expected/', import.meta.url))
const plans = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ slug: name.replace(/\.json$/, ''), expected: JSON.parse(readFileSync(dir + name, 'utf8')) as Expected }))

/** The actual value cut to the keys the expectation names (a Value is compared whole). */
function project(expected: unknown, actual: unknown): unknown {
  if (Array.isArray(expected)) return Array.isArray(actual) ? actual.map((item, i) => (i < expected.length ? project(expected[i], item) : item)) : actual
  if (expected && typeof expected === 'object' && !('raw' in expected && 'kind' in expected)) {
    if (!actual || typeof actual !== 'object') return actual
    return Object.fromEntries(Object.keys(expected).map((key) => [key, project((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key])]))
  }
  return actual
}

describe.each(plans)('the plan of $slug', ({ slug, expected }) => {
  describe.each(expected.files)('read from %s', (file) => {
    const read = () => imported(`plans/${slug}/${file}`)

    it('names its layouts and the plan', async () => {
      const { record } = await read()
      expect(record.source.layouts).toEqual(expected.layouts)
      expect(project(expected.plan, record.plan)).toEqual(expected.plan)
    })

    it('reads every objective as printed', async () => {
      const { record } = await read()
      expect(record.objectives.map((o) => o.id)).toEqual(expected.objectives.map((o) => o.id))
      expect(project(expected.objectives, record.objectives)).toEqual(expected.objectives)
      if (expected.summary) expect(project(expected.summary, record.summary)).toEqual(expected.summary)
      else expect(record.summary).toEqual([])
    })

    it('finds the faults put into it, and no others', async () => {
      const { record } = await read()
      const found = record.findings.filter((f) => f.rule !== 'UNMAPPED_CELL' && f.severity !== 'info').map((f) => `${f.rule} ${f.objectiveId}`)
      expect(found.sort()).toEqual(expected.findings.map((f) => `${f.rule} ${f.objectiveId}`).sort())
    })
  })
})
