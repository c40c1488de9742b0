import { describe, expect, it } from 'vitest'
import * as perfplan from '../src/index.js'

describe('the library', () => {
  it('exports what embedding programs use, and nothing else', () => {
    expect(Object.keys(perfplan).sort()).toEqual([
      'DEFAULT_AREAS',
      'DEFAULT_SCHEME',
      'PerfplanError',
      'PlanRecordSchema',
      'SCHEMA_VERSION',
      'collectInputSet',
      'collectInputs',
      'emitAudit',
      'emitAuditHtml',
      'emitJson',
      'emitWorkbook',
      'importBytes',
      'importFile',
      'interpretDocument',
      'isPerfplanError',
      'loadAreas',
      'loadScheme',
      'planRecordJsonSchema',
      'readDocument',
      'reconcile',
      'runBatch',
      'sniffFormat',
      'writeAuditReports',
    ])
  })
})
