import type { PlanRecord } from '../model/record.js'

/**
 * The record as JSON text: two-space indentation, keys in schema order, a final newline.
 * The same record always gives the same bytes (no timestamps, stable key order).
 */
export function emitJson(record: PlanRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`
}
