import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Criterion, Objective, Rating } from '../model/record.js'
import { UsageError } from '../errors.js'

/**
 * How "Esito Pesatura" is computed from the ratings: points per rating for each
 * criterion; the score is their sum. The default is the seed template's: Alto 5,
 * Medio 3, Basso 1, with "Realizzabilità" inverted (Alto 1 ... Basso 5).
 */
export const WeightingSchemeSchema = z.object({
  points: z.object({ alto: z.number(), medio: z.number(), basso: z.number() }),
  /** Criteria scored the other way round: an easy objective weighs less. */
  inverted: z.array(z.enum(['importanza', 'impattoEsterno', 'complessita', 'realizzabilita'])),
})

export type WeightingScheme = z.infer<typeof WeightingSchemeSchema>

export const DEFAULT_SCHEME: WeightingScheme = {
  points: { alto: 5, medio: 3, basso: 1 },
  inverted: ['realizzabilita'],
}

/** Points a rating gives under the scheme, for one criterion. */
export function pointsFor(scheme: WeightingScheme, criterion: Criterion, rating: Rating): number {
  if (!scheme.inverted.includes(criterion)) return scheme.points[rating]
  const mirrored: Record<Rating, Rating> = { alto: 'basso', medio: 'medio', basso: 'alto' }
  return scheme.points[mirrored[rating]]
}

/** The score of complete ratings, or null when one is missing. */
export function schemeScore(scheme: WeightingScheme, weighting: Objective['weighting']): number | null {
  let total = 0
  for (const criterion of ['importanza', 'impattoEsterno', 'complessita', 'realizzabilita'] as const) {
    const rating = weighting[criterion]
    if (rating === null) return null
    total += pointsFor(scheme, criterion, rating)
  }
  return total
}

/** Loads a scheme file (`--scheme FILE`); a bad file is a usage error naming what is wrong. */
export function loadScheme(file: string): WeightingScheme {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new UsageError(`cannot read the weighting scheme ${file}: ${(cause as Error).message}`)
  }
  const parsed = WeightingSchemeSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`invalid weighting scheme ${file}: ${issue?.message ?? 'unknown error'} at ${issue?.path.join('.') || '(root)'}`)
  }
  return parsed.data
}
