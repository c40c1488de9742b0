import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { labelKey } from '../text/normalize.js'
import { UsageError } from '../errors.js'

/** A canonical area (sector) of a comune and the labels plans print for it. */
export const AreaDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower case letters, digits and dashes'),
  label: z.string().min(1),
  variants: z.array(z.string().min(1)),
})
export type AreaDefinition = z.infer<typeof AreaDefinitionSchema>
export type AreaRegistry = readonly AreaDefinition[]

/** The areas most comuni are organised in, with the names their plans use. */
export const DEFAULT_AREAS: AreaRegistry = [
  {
    id: 'amministrativo',
    label: 'AMMINISTRATIVO',
    variants: ['Area Amministrativa', 'Settore Amministrativo', 'Servizio Amministrativo', 'Affari generali', 'Area Affari Generali', 'Settore Affari Generali', 'Segreteria', 'Area amministrativa e affari generali', 'Servizi generali'],
  },
  {
    id: 'finanziario',
    label: 'FINANZIARIO',
    variants: ['Area Finanziaria', 'Settore Finanziario', 'Servizio Finanziario', 'Economico-Finanziaria', 'Area Economico-Finanziaria', 'Settore Economico-Finanziario', 'Ragioneria', 'Servizi finanziari', 'Area contabile'],
  },
  {
    id: 'tecnico',
    label: 'TECNICO',
    variants: ['Area Tecnica', 'Settore Tecnico', 'Ufficio Tecnico', 'Servizio Tecnico', 'Lavori Pubblici', 'Urbanistica', 'Area Tecnica Manutentiva', 'LL.PP.', 'Edilizia privata'],
  },
  {
    id: 'vigilanza',
    label: 'VIGILANZA',
    variants: ['Area Vigilanza', 'Settore Vigilanza', 'Polizia Locale', 'Polizia Municipale', 'Corpo di Polizia Locale', 'Servizio di Polizia Locale'],
  },
  {
    id: 'demografico',
    label: 'DEMOGRAFICO',
    variants: ['Servizi Demografici', 'Area Demografica', 'Anagrafe', 'Anagrafe e Stato Civile', 'Settore Demografico'],
  },
  {
    id: 'sociale',
    label: 'SOCIALE',
    variants: ['Servizi Sociali', 'Area Sociale', 'Area Socio-Assistenziale', 'Politiche Sociali', 'Settore Servizi alla Persona', 'Servizi alla persona'],
  },
]

/** The canonical area a printed label names, or null. The comune's own areas come first. */
export function findArea(registry: AreaRegistry, label: string): AreaDefinition | null {
  const key = labelKey(label)
  const found = registry.find((area) => labelKey(area.id) === key || labelKey(area.label) === key || area.variants.some((variant) => labelKey(variant) === key)) ?? null
  // A dirigente's column names the area in brackets: "Ing. Colombo (Area Tecnica)".
  const bracketed = /\(([^()]+)\)\s*$/.exec(label)
  return found ?? (bracketed ? findArea(registry, bracketed[1] as string) : null)
}

/** Reads `--areas FILE` (a JSON array of {id, label, variants}) and puts it before the built-in areas. */
export function loadAreas(file: string): AreaRegistry {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new UsageError(`cannot read the areas file ${file}: ${(cause as Error).message}`)
  }
  const parsed = z.array(AreaDefinitionSchema).safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`invalid areas file ${file}: ${issue?.message ?? 'unknown error'} at ${issue?.path.join('.') || '(root)'}`)
  }
  return [...parsed.data, ...DEFAULT_AREAS]
}
