import type { Value } from './value.js'

/** A finding's found/corrected value as a clerk reads it: typed values as printed ("100%"). */
export function show(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object' && 'kind' in value && 'raw' in value) {
    const typedValue = value as Value
    if (typedValue.kind === 'percent' && typeof typedValue.value === 'number') return `${String(Math.round(typedValue.value * 1e6) / 1e4).replace('.', ',')}%`
    return typedValue.raw
  }
  return typeof value === 'string' ? value : JSON.stringify(value)
}
