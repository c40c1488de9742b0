import { describe, expect, it } from 'vitest'
import { reconcile } from '../src/pipeline.js'
import { SEED_FILES, imported } from './helpers/fixtures.js'

describe('reconciliation', () => {
  it.each(SEED_FILES)('changes nothing when run again on its own result (%s)', async (file) => {
    const { record, origins } = await imported(file)
    const again = structuredClone(record)
    reconcile(again, origins)
    expect(again).toEqual(record)
  })
})
