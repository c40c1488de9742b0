import { labelKey } from '../text/normalize.js'

/** An id made from a printed area label: "AMMINISTRATIVO" -> "amministrativo", "Area Tecnica" -> "area-tecnica". */
export function areaSlug(label: string): string {
  return labelKey(label).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'area'
}
