import { fileURLToPath } from 'node:url'
import { importFile, type ImportResult } from '../../src/pipeline.js'

/** Absolute path of a file under fixtures/. */
export function fixture(path: string): string {
  return fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))
}

const cache = new Map<string, Promise<ImportResult>>()

/** Imports a fixture once per test run (the import is deterministic). */
export function imported(path: string): Promise<ImportResult> {
  let result = cache.get(path)
  if (!result) {
    result = importFile(fixture(path))
    cache.set(path, result)
  }
  return result
}

/** The seed plan in every format it is bundled in. */
export const SEED_FILES = [
  'plans/seed-2024/programmazione-2024.xlsx',
  'plans/seed-2024/programmazione-2024.html',
  'plans/seed-2024/programmazione-2024.docx',
  'plans/seed-2024/programmazione-2024-portale.html',
] as const
