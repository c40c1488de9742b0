import { labelKey } from '../text/normalize.js'

/**
 * Every label perfplan recognises, with the variants comuni print for it (compared by
 * labelKey: case, accents, punctuation and spacing do not matter). Interpretation reads
 * fields by these ids only; a new variant is added here and nowhere else.
 * `prefix` labels may be followed by a value in the same cell ("Esito Pesatura 14").
 */
export const LABELS = {
  // Summary table ("Programmazione Obiettivi di Performance")
  planTitle: { variants: ['programmazione obiettivi di performance', 'piano degli obiettivi', 'piano della performance', 'obiettivi di performance'], prefix: true },
  comune: { variants: ['comune di', 'comune', 'ente'], prefix: false },
  unit: { variants: ['unita organizzativa', 'unita organizzativa responsabile', 'settore'], prefix: false },
  summaryDescription: { variants: ['descrizione', 'descrizione obiettivo', 'obiettivo'], prefix: false },
  summaryCode: { variants: ['cod', 'codice', 'cod obiettivo', 'codice obiettivo'], prefix: false },
  summaryCdr: { variants: ['cdr coinvolti', 'centri di responsabilita coinvolti', 'cdr', 'settori coinvolti'], prefix: false },
  /** The corrected workbook's note on where it came from: not part of the plan. */
  sourceNote: { variants: ['file di origine'], prefix: true },
  summaryRowLabel: { variants: ['n', 'n.', 'riga', 'n riga'], prefix: false },
  summaryKind: { variants: ['tipo', 'tipologia', 'tipo obiettivo'], prefix: false },
  summarySection: { variants: ['definizione degli obiettivi di performance organizzativa', 'definizione degli obiettivi di performance individuale', 'definizione degli obiettivi di performance'], prefix: false },
  /** Title of a table that is not part of a plan card (the report sheets of a corrected workbook). */
  otherTable: { variants: ['aree', 'indicatori', 'rilievi'], prefix: false },
  // Card header ("scheda obiettivo")
  cardHeader: { variants: ["obiettivo dell'organo politico amministrativo", "obiettivi dell'organo politico amministrativo", 'scheda obiettivo'], prefix: true },
  cardKind: { variants: ['performance organizzativa', 'performance individuale'], prefix: false },
  cardNumber: { variants: ['n', 'n.', 'nr', 'numero', 'obiettivo n', 'n obiettivo'], prefix: false },
  cdr: { variants: ['cdr', 'c d r', 'centro di responsabilita'], prefix: false },
  primaryResponsible: { variants: ['responsabile primario', 'responsabile', 'dirigente responsabile', 'responsabile del servizio'], prefix: false },
  involvedCdr: { variants: ['altri cdr coinvolti', 'cdr coinvolti', 'altri settori coinvolti', 'altre strutture coinvolte'], prefix: false },
  strategicAddress: { variants: ['indirizzo strategico', 'obiettivo strategico'], prefix: false },
  missione: { variants: ['missione'], prefix: false },
  programma: { variants: ['programma'], prefix: false },
  managementGoal: { variants: ['obiettivo gestionale', 'obiettivo operativo', 'obiettivo esecutivo'], prefix: false },
  title: { variants: ['titolo obiettivo', 'titolo', 'denominazione obiettivo'], prefix: false },
  // "RISULTATO ATTESO": the indicator table
  expectedResult: { variants: ['risultato atteso', 'risultati attesi'], prefix: false },
  indicatorName: { variants: ['indicatore', 'indicatori', 'indicatore di risultato', 'nome indicatore'], prefix: false },
  indicatorDescription: { variants: ['descrizione', 'descrizione indicatore'], prefix: false },
  indicatorFormula: { variants: ['formula', 'algoritmo di calcolo', 'formula di calcolo'], prefix: false },
  indicatorTarget: { variants: ['target', 'valore obiettivo', 'valore target', 'target atteso'], prefix: true },
  // "PESO OBIETTIVO": ratings and "Esito Pesatura"
  weighting: { variants: ['peso obiettivo', 'pesatura obiettivo', 'pesatura', 'ponderazione'], prefix: false },
  variables: { variants: ['variabili', 'criteri'], prefix: false },
  relevance: { variants: ['rilevanza', 'livello'], prefix: false },
  ratingHigh: { variants: ['alto', 'alta'], prefix: false },
  ratingMedium: { variants: ['medio', 'media'], prefix: false },
  ratingLow: { variants: ['basso', 'bassa'], prefix: false },
  importanza: { variants: ['importanza', 'rilevanza strategica', 'strategicita'], prefix: false },
  impattoEsterno: { variants: ['impatto esterno', "impatto sull'utenza", 'impatto'], prefix: false },
  complessita: { variants: ['complessita', 'grado di difficolta', 'difficolta'], prefix: false },
  realizzabilita: { variants: ['realizzabilita', 'fattibilita'], prefix: false },
  score: { variants: ['esito pesatura', 'punteggio pesatura', 'peso complessivo'], prefix: true },
  // "RISORSE"
  programmeResources: { variants: ['risorse assegnate al programma', 'risorse programma'], prefix: false },
  objectiveResources: { variants: ['risorse obiettivo', "risorse assegnate all'obiettivo"], prefix: false },
  absorptionIndex: { variants: ['indice di assorbimento'], prefix: false },
  filledBy: { variants: ['compilazione scheda a cura del dirigente o responsabile primario', 'compilazione scheda a cura del responsabile'], prefix: false },
  // "PIANIFICAZIONE ESECUTIVA": the split across areas
  planning: { variants: ['pianificazione esecutiva', 'fasi cronoprogramma'], prefix: false },
  contribution: { variants: ['contributo'], prefix: false },
  measurement: { variants: ['misurazione'], prefix: false },
  area: { variants: ['area/settore', 'area settore', 'area', 'settore', 'servizio', 'area/servizio'], prefix: false },
  areaPct: { variants: ['% di contribuzione', 'di contribuzione', '% contribuzione', 'contribuzione', '% contributo'], prefix: false },
  areaWeight: { variants: ["peso assoluto in capo all'area", 'peso assoluto', "peso assoluto in capo all'area/settore"], prefix: false },
  areaExpectedValue: { variants: ['valore atteso', 'valori attesi'], prefix: false },
  areaIndicators: { variants: ['indicatori di misurazione', 'indicatore di misurazione', 'indicatori'], prefix: false },
  areaExpected: { variants: ['esito atteso', 'risultato atteso'], prefix: false },
} as const satisfies Record<string, { variants: readonly string[]; prefix: boolean }>

export type LabelId = keyof typeof LABELS

const exact = new Map<string, LabelId[]>()
/** Keys without spaces: a word broken across lines in a narrow PDF cell ("ASSORBIME NTO") still matches. */
const compact = new Map<string, LabelId[]>()
const prefixed: { key: string; id: LabelId }[] = []
for (const [id, label] of Object.entries(LABELS) as [LabelId, (typeof LABELS)[LabelId]][]) {
  for (const variant of label.variants) {
    const key = labelKey(variant)
    exact.set(key, [...(exact.get(key) ?? []), id])
    compact.set(key.replace(/ /g, ''), [...(compact.get(key.replace(/ /g, '')) ?? []), id])
    if (label.prefix) prefixed.push({ key, id })
  }
}
prefixed.sort((a, b) => b.key.length - a.key.length)

/**
 * The labels a cell's text can be, among `allowed` (the labels of the section being read):
 * an exact match, or a prefix label followed by its value (`rest`).
 */
export function matchLabel(text: string, allowed: readonly LabelId[]): { id: LabelId; rest: string } | null {
  const key = labelKey(text)
  if (key === '') return null
  for (const id of exact.get(key) ?? []) if (allowed.includes(id)) return { id, rest: '' }
  for (const id of compact.get(key.replace(/ /g, '')) ?? []) if (allowed.includes(id)) return { id, rest: '' }
  for (const { key: prefix, id } of prefixed) {
    if (!allowed.includes(id) || !key.startsWith(`${prefix} `)) continue
    return { id, rest: restAfter(text, prefix) }
  }
  return null
}

/** The printed text after a label's words: "Esito Pesatura 14" -> "14". */
function restAfter(text: string, prefix: string): string {
  const wordCount = prefix.split(' ').length
  const tokens = text.trim().split(/\s+/)
  // Labels may print "dell'organo" as one token: count tokens by their label keys.
  let taken = 0
  let consumed = 0
  while (consumed < tokens.length && taken < wordCount) {
    taken += labelKey(tokens[consumed] ?? '').split(' ').filter(Boolean).length
    consumed++
  }
  return tokens.slice(consumed).join(' ').replace(/^[-–:\s]+/, '')
}
