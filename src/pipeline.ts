import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { PlanDocument } from './model/document.js'
import { compareFindings, type Finding } from './model/finding.js'
import type { Origin } from './interpret/context.js'
import { PlanRecordSchema, SCHEMA_VERSION, type PlanRecord } from './model/record.js'
import { readDocument } from './readers/index.js'
import { interpretDocument } from './interpret/index.js'
import type { LayoutChecks } from './interpret/build.js'
import { runRules } from './rules/index.js'
import { totalAreas } from './rules/area-totals.js'
import { DEFAULT_SCHEME, type WeightingScheme } from './settings/scheme.js'
import { DEFAULT_AREAS, type AreaRegistry } from './settings/areas.js'

export interface ImportOptions {
  /** The name recorded as `source.file`; defaults to the file's base name. */
  name?: string
  scheme?: WeightingScheme
  areas?: AreaRegistry
}

export interface ImportResult {
  record: PlanRecord
  document: PlanDocument
  /** Where each field was read (JSON path -> location and printed text). */
  origins: ReadonlyMap<string, Origin>
}

/** Imports one plan file: read, interpret, reconcile, validate. */
export async function importFile(file: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  // A path given as bytes: a file name that is not UTF-8.
  const bytes = await readFile(typeof file === 'string' ? file : Buffer.from(file))
  return importBytes(bytes, { ...options, name: options.name ?? basename(typeof file === 'string' ? file : Buffer.from(file).toString('latin1')) })
}

/**
 * Imports a plan from its bytes. Throws PerfplanError (UNREADABLE, NO_TEXT_LAYER,
 * NOT_A_PLAN) when the file gives no plan; everything else is a finding.
 */
export async function importBytes(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const document = await readDocument(bytes)
  const reading = interpretDocument(document)
  const record: PlanRecord = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: options.name ?? 'input',
      format: document.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: document.pages,
      layouts: reading.layouts,
    },
    plan: reading.plan,
    summary: reading.summary,
    objectives: reading.objectives,
    areas: [],
    findings: [],
  }
  const ruleFindings = reconcile(record, reading.origins, { ...options, checks: reading.checks })
  record.findings = [...document.findings, ...reading.findings, ...ruleFindings].sort(compareFindings)
  return { record: PlanRecordSchema.parse(record) as PlanRecord, document, origins: reading.origins }
}

/**
 * Runs the reconciliation rules on a record (correcting it in place) and totals its areas.
 * Returns the rules' findings. Running it again on its own result changes nothing.
 */
export function reconcile(record: PlanRecord, origins: ReadonlyMap<string, Origin>, options: Omit<ImportOptions, 'name'> & { checks?: LayoutChecks } = {}): Finding[] {
  const areas = options.areas ?? DEFAULT_AREAS
  const findings = runRules(record, { origins, scheme: options.scheme ?? DEFAULT_SCHEME, areas, ...(options.checks ? { checks: options.checks } : {}) })
  record.areas = totalAreas(record, areas)
  return findings
}
