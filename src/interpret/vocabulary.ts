/**
 * The vocabulary of performance plans, as data: every label perfplan recognises, with the
 * variants comuni print for it (compared by labelKey: case, accents, punctuation and
 * spacing do not matter), the part it plays in a layout and the record field it fills.
 * Interpretation reads labels by their ids only; a new variant is one line here (and one
 * test). The README's glossary is generated from this table (`npm run glossary`).
 *
 * - `prefix`: the label may be followed by its value in the same cell ("Esito Pesatura 14").
 * - `roles`: what the label does where it is printed. `card` opens an objective's card,
 *   `section` opens a part of a card, `key` is the key of a key/value pair, `column` heads a
 *   column of a list, `unit` names an organisational unit (a heading or group cell), `title`
 *   belongs to the plan's title block, `noise` is printed text that carries no data.
 * - `scale`: for weights, how the number is read (record.md `weight.scale`).
 * - `field`: the record field it fills, for the glossary ("—": reported, no field).
 */
export type Role = 'card' | 'section' | 'key' | 'column' | 'unit' | 'title' | 'noise'
export type WeightScale = 'points' | 'coefficient' | 'percent'

export interface LabelDefinition {
  readonly variants: readonly string[]
  readonly prefix: boolean
  readonly roles: readonly Role[]
  readonly field: string
  readonly scale?: WeightScale | 'ratings'
}

export const LABELS = {
  // ---- The seed's template: summary table ("Programmazione Obiettivi di Performance")
  planTitle: {
    variants: ['programmazione obiettivi di performance', 'piano degli obiettivi', 'piano della performance', 'obiettivi di performance', 'piano esecutivo di gestione', 'piano dettagliato degli obiettivi', 'piano integrato di attivita e organizzazione', 'piano degli indicatori', 'prospetto riassuntivo', 'peg', 'piao'],
    prefix: true, roles: ['title'], field: 'plan.title, plan.year',
  },
  comune: { variants: ['comune di', 'comune', 'ente'], prefix: false, roles: ['title', 'key'], field: 'plan.comune' },
  unit: { variants: ['unita organizzativa', 'unita organizzativa responsabile', 'settore'], prefix: false, roles: ['title'], field: 'plan.unit' },
  summaryDescription: { variants: ['descrizione', 'descrizione obiettivo', 'obiettivo'], prefix: false, roles: ['column'], field: 'summary[].description' },
  summaryCode: { variants: ['cod', 'codice', 'cod obiettivo', 'codice obiettivo'], prefix: false, roles: ['column'], field: 'summary[].code' },
  summaryCdr: { variants: ['cdr coinvolti', 'centri di responsabilita coinvolti', 'cdr', 'settori coinvolti'], prefix: false, roles: ['column'], field: 'summary[].cdr' },
  /** The corrected workbook's note on where it came from: not part of the plan. */
  sourceNote: { variants: ['file di origine'], prefix: true, roles: ['noise'], field: '—' },
  summaryRowLabel: { variants: ['n', 'n.', 'riga', 'n riga'], prefix: false, roles: ['column'], field: 'summary[].rowLabel' },
  summaryKind: { variants: ['tipo', 'tipologia', 'tipo obiettivo'], prefix: false, roles: ['column'], field: 'summary[].kind' },
  summarySection: { variants: ['definizione degli obiettivi di performance organizzativa', 'definizione degli obiettivi di performance individuale', 'definizione degli obiettivi di performance'], prefix: false, roles: ['noise'], field: '—' },
  /** Title of a table that is not part of a plan card (the report sheets of a corrected workbook). */
  otherTable: { variants: ['aree', 'indicatori', 'rilievi'], prefix: false, roles: ['noise'], field: '—' },
  // ---- The seed's card ("scheda obiettivo")
  cardHeader: { variants: ["obiettivo dell'organo politico amministrativo", "obiettivi dell'organo politico amministrativo"], prefix: true, roles: ['card'], field: 'objectives[].headerYear' },
  cardKind: { variants: ['performance organizzativa', 'performance individuale'], prefix: false, roles: ['key'], field: 'objectives[].kind' },
  cardNumber: { variants: ['n', 'n.', 'nr', 'numero', 'obiettivo n', 'n obiettivo'], prefix: false, roles: ['key'], field: 'objectives[].id' },
  cdr: { variants: ['cdr', 'c d r', 'centro di responsabilita'], prefix: false, roles: ['key'], field: 'objectives[].cdr' },
  primaryResponsible: { variants: ['responsabile primario', 'responsabile', 'dirigente responsabile', 'responsabile del servizio'], prefix: false, roles: ['key'], field: 'objectives[].cdr.primary' },
  involvedCdr: { variants: ['altri cdr coinvolti', 'cdr coinvolti', 'altri settori coinvolti', 'altre strutture coinvolte'], prefix: false, roles: ['key', 'column'], field: 'objectives[].cdr.involved' },
  strategicAddress: { variants: ['indirizzo strategico', 'obiettivo strategico'], prefix: false, roles: ['key'], field: '—' },
  missione: { variants: ['missione'], prefix: false, roles: ['key', 'column'], field: 'objectives[].missione' },
  missioneProgramma: { variants: ['missione/programma', 'missione programma', 'missione e programma', 'missione - programma', 'codice missione/programma', 'missione/programma di bilancio'], prefix: false, roles: ['key', 'column'], field: 'objectives[].missione, programma' },
  programma: { variants: ['programma'], prefix: false, roles: ['key', 'column'], field: 'objectives[].programma' },
  managementGoal: { variants: ['obiettivo gestionale', 'obiettivo operativo', 'obiettivo esecutivo'], prefix: false, roles: ['key'], field: '—' },
  title: { variants: ['titolo obiettivo', 'titolo', 'denominazione obiettivo'], prefix: false, roles: ['key'], field: 'objectives[].title' },
  // "RISULTATO ATTESO": the seed's indicator table
  expectedResult: { variants: ['risultato atteso', 'risultati attesi'], prefix: false, roles: ['section'], field: 'objectives[].indicators' },
  indicatorName: { variants: ['indicatore', 'indicatori', 'indicatore di risultato', 'indicatori di risultato', 'nome indicatore', 'obiettivo e indicatori', 'indicatore di performance', 'indicatori di performance'], prefix: false, roles: ['column', 'key'], field: 'indicators[].name' },
  indicatorDescription: { variants: ['descrizione', 'descrizione indicatore'], prefix: false, roles: ['column'], field: 'indicators[].description' },
  indicatorFormula: { variants: ['formula', 'algoritmo di calcolo', 'formula di calcolo', 'modalita di calcolo', 'metodo di calcolo'], prefix: false, roles: ['column', 'key'], field: 'indicators[].formula' },
  indicatorTarget: { variants: ['target', 'valore obiettivo', 'valore target', 'target atteso', 'valore atteso / target', 'valore atteso/target', 'target valore obiettivo', 'valore atteso', 'valori attesi', 'risultato atteso', 'target (valore obiettivo)'], prefix: true, roles: ['column', 'key'], field: 'indicators[].target' },
  // "PESO OBIETTIVO": ratings and "Esito Pesatura"
  weighting: { variants: ['peso obiettivo', 'pesatura obiettivo', 'pesatura', 'ponderazione'], prefix: false, roles: ['section'], field: 'objectives[].weighting', scale: 'ratings' },
  variables: { variants: ['variabili', 'criteri', 'criterio', 'parametro', 'parametri', 'fattore', 'fattori di pesatura'], prefix: false, roles: ['column'], field: 'objectives[].weighting' },
  relevance: { variants: ['rilevanza', 'livello'], prefix: false, roles: ['column'], field: 'objectives[].weighting' },
  ratingHigh: { variants: ['alto', 'alta'], prefix: false, roles: ['column'], field: 'weighting.<criterion> = "alto"', scale: 'ratings' },
  ratingMedium: { variants: ['medio', 'media'], prefix: false, roles: ['column'], field: 'weighting.<criterion> = "medio"', scale: 'ratings' },
  ratingLow: { variants: ['basso', 'bassa'], prefix: false, roles: ['column'], field: 'weighting.<criterion> = "basso"', scale: 'ratings' },
  /** A rating printed as a number 1-5 under this header. */
  ratingValue: { variants: ['valore', 'valore 1 5', 'valore (1-5)', 'punteggio 1 5', 'grado', 'voto', 'livello 1 5'], prefix: false, roles: ['column'], field: 'weighting.<criterion>', scale: 'ratings' },
  importanza: { variants: ['importanza', 'rilevanza strategica', 'strategicita'], prefix: false, roles: ['key'], field: 'weighting.importanza' },
  impattoEsterno: { variants: ['impatto esterno', "impatto sull'utenza", 'impatto'], prefix: false, roles: ['key'], field: 'weighting.impattoEsterno' },
  complessita: { variants: ['complessita', 'grado di difficolta', 'difficolta', "complessita dell'obiettivo"], prefix: false, roles: ['key'], field: 'weighting.complessita' },
  realizzabilita: { variants: ['realizzabilita', 'fattibilita'], prefix: false, roles: ['key'], field: 'weighting.realizzabilita' },
  score: { variants: ['esito pesatura', 'punteggio pesatura', 'peso complessivo', 'punteggio', 'punteggio totale', 'totale punteggio'], prefix: true, roles: ['key'], field: 'weighting.declaredScore' },
  // "RISORSE"
  programmeResources: { variants: ['risorse assegnate al programma', 'risorse programma'], prefix: false, roles: ['key'], field: 'resources.programma' },
  objectiveResources: { variants: ['risorse obiettivo', "risorse assegnate all'obiettivo"], prefix: false, roles: ['key'], field: 'resources.obiettivo' },
  absorptionIndex: { variants: ['indice di assorbimento'], prefix: false, roles: ['key'], field: 'resources.absorptionIndex' },
  filledBy: { variants: ['compilazione scheda a cura del dirigente o responsabile primario', 'compilazione scheda a cura del responsabile'], prefix: false, roles: ['noise'], field: '—' },
  // "PIANIFICAZIONE ESECUTIVA": the seed's split across areas
  planning: { variants: ['pianificazione esecutiva', 'fasi cronoprogramma'], prefix: false, roles: ['section'], field: 'objectives[].areas' },
  contribution: { variants: ['contributo'], prefix: false, roles: ['column'], field: 'areas[]' },
  measurement: { variants: ['misurazione'], prefix: false, roles: ['column'], field: 'areas[]' },
  area: { variants: ['area/settore', 'area settore', 'area', 'settore', 'servizio', 'area/servizio'], prefix: false, roles: ['column'], field: 'areas[].label' },
  areaPct: { variants: ['% di contribuzione', 'di contribuzione', '% contribuzione', 'contribuzione', '% contributo'], prefix: false, roles: ['column'], field: 'areas[].contributionPct' },
  areaWeight: { variants: ["peso assoluto in capo all'area", 'peso assoluto', "peso assoluto in capo all'area/settore"], prefix: false, roles: ['column'], field: 'areas[].declaredAbsoluteWeight' },
  areaExpectedValue: { variants: ['valore atteso', 'valori attesi'], prefix: false, roles: ['column'], field: 'areas[].expectedValue' },
  areaIndicators: { variants: ['indicatori di misurazione', 'indicatore di misurazione', 'indicatori'], prefix: false, roles: ['column'], field: 'areas[].measures[].indicator' },
  areaExpected: { variants: ['esito atteso', 'risultato atteso'], prefix: false, roles: ['column'], field: 'areas[].measures[].expected' },

  // ---- Other comuni's layouts: cards of key/value pairs and lists of objectives
  objectiveNumber: {
    variants: ['obiettivo n', 'n obiettivo', 'obiettivo numero', 'numero obiettivo', 'scheda obiettivo n', 'scheda n', 'obiettivo gestionale n', 'obiettivo operativo n', 'obiettivo strategico n', 'progetto n', 'n', 'nr', 'num', 'numero', 'n progr', 'codice obiettivo', 'cod obiettivo', 'codice', 'cod', 'id'],
    prefix: true, roles: ['card', 'key', 'column'], field: 'objectives[].id',
  },
  objectiveTitle: {
    variants: ['titolo', 'titolo obiettivo', "titolo dell'obiettivo", 'denominazione', 'denominazione obiettivo', 'obiettivo', 'obiettivi', 'descrizione obiettivo', 'descrizione obiettivi', "descrizione dell'obiettivo", 'descrizione progetto', 'progetto', 'oggetto', 'obiettivo di performance', 'obiettivi di performance', 'attivita obiettivo', 'obiettivi assegnati', 'obiettivo assegnato', 'descrizione obsa', 'titolo obsa', 'descrizione obst', 'titolo obst', 'denominazione obsa'],
    prefix: false, roles: ['key', 'column'], field: 'objectives[].title',
  },
  objectiveDescription: { variants: ['descrizione', 'descrizione sintetica', 'descrizione estesa', 'descrizione dettagliata', 'finalita', "finalita dell'obiettivo", 'contenuto'], prefix: false, roles: ['key', 'column'], field: 'objectives[].description (the title when no other is printed)' },
  strategicObjective: {
    variants: ['obiettivo strategico', 'obiettivi strategici', 'obiettivo strategico di riferimento', 'obst di riferimento', 'obst', 'indirizzo strategico', 'indirizzo strategico di riferimento', 'linea di mandato', 'linee di mandato', 'linea strategica', 'obiettivo strategico dup', 'riferimento al piano generale di sviluppo', 'riferimento dup', 'programma dup', 'ambito strategico', 'missione dup'],
    prefix: false, roles: ['key', 'column'], field: 'objectives[].parent',
  },
  operationalObjective: { variants: ['obiettivo operativo', 'obiettivi operativi', 'obiettivo gestionale', 'obiettivo esecutivo', 'codice obiettivo operativo', 'obsa'], prefix: false, roles: ['key', 'column'], field: 'objectives[].code (a code), else title' },
  unitName: {
    variants: ['settore', 'servizio', 'area', 'dipartimento', 'centro di responsabilita', 'centri di responsabilita', 'cdr', 'unita organizzativa', 'unita organizzativa responsabile', 'uo', 'uoa', 'struttura', 'struttura responsabile', 'struttura organizzativa', 'spl responsabile', 'spl', 'ufficio', 'centro di costo', 'cdc', 'area/settore', 'settore/servizio', 'area/servizio', 'ripartizione', 'direzione', 'servizio/ufficio', 'settore di riferimento', 'area di riferimento', 'servizio di riferimento'],
    prefix: true, roles: ['unit', 'key', 'column'], field: 'objectives[].unit, cdr.primary',
  },
  unitAndPerson: { variants: ['settore / responsabile', 'area / responsabile', 'servizio / responsabile', 'struttura / responsabile', 'settore responsabile', 'area responsabile', 'servizio responsabile'], prefix: false, roles: ['key', 'column'], field: 'objectives[].unit + responsible' },
  responsiblePerson: {
    variants: ['responsabile', 'responsabili', 'dirigente', 'dirigenti', 'dirigente responsabile', 'responsabile del servizio', 'responsabile di settore', 'responsabile del settore', "responsabile d'area", "responsabile dell'area", 'responsabile po', 'responsabile p o', 'titolare di po', 'titolare p o', 'titolare eq', 'referente', "responsabile dell'obiettivo", 'responsabile primario', 'direttore'],
    prefix: false, roles: ['key', 'column'], field: 'objectives[].responsible (a unit: unit)',
  },
  /** A role printed as the label of the person who holds it («Segretario comunale | dott. …»). */
  responsibleRole: { variants: ['segretario comunale', 'segretario generale', 'segretario', 'vice segretario', 'direttore generale', 'comandante'], prefix: false, roles: ['key', 'column'], field: 'objectives[].responsible (the label is the role)' },
  objectiveCategory: { variants: ['tipologia obiettivo', 'tipo obiettivo', 'tipologia', 'tipo', 'natura', "natura dell'obiettivo", 'categoria', 'classificazione', 'tipo di obiettivo'], prefix: false, roles: ['key', 'column'], field: 'objectives[].category' },
  weightPoints: { variants: ['peso', 'peso obiettivo', 'punti', 'peso punti', 'peso in punti', 'punteggio obiettivo'], prefix: true, roles: ['key', 'column'], field: 'objectives[].weight', scale: 'points' },
  weightPercent: { variants: ['peso %', 'peso percentuale', '% peso', 'peso obsa', 'peso in %', 'incidenza %', 'incidenza', 'peso ponderale %', 'peso (%)'], prefix: true, roles: ['key', 'column'], field: 'objectives[].weight', scale: 'percent' },
  weightCoefficient: { variants: ['pesatura', 'coefficiente', 'coefficiente di ponderazione', 'coefficiente di pesatura', 'ponderazione', 'fattore di ponderazione'], prefix: true, roles: ['key', 'column'], field: 'objectives[].weight', scale: 'coefficient' },
  startDate: { variants: ['data inizio', 'data di inizio', 'inizio', 'data avvio', 'avvio'], prefix: false, roles: ['key', 'column'], field: 'objectives[].period.start' },
  endDate: { variants: ['data fine', 'data di fine', 'scadenza', 'termine', 'data termine', 'data scadenza', 'fine', 'termine di realizzazione', 'data di conclusione', 'entro'], prefix: false, roles: ['key', 'column'], field: 'objectives[].period.end' },
  duration: { variants: ['durata', 'tempi di realizzazione', 'tempistica', 'arco temporale', 'periodo di riferimento', 'tempi'], prefix: true, roles: ['key', 'column'], field: 'objectives[].period' },
  indicatorType: { variants: ['tipologia indicatore', 'tipo indicatore', "tipologia dell'indicatore", 'dimensione', 'dimensione indicatore'], prefix: false, roles: ['key', 'column'], field: 'indicators[].type' },
  indicatorUnit: { variants: ['unita di misura', 'um', 'u m', "unita di misura dell'indicatore"], prefix: false, roles: ['key', 'column'], field: 'indicators[].unit' },
  indicatorBaseline: { variants: ['baseline', 'valore di partenza', 'valore iniziale', 'valore anno precedente', "target conseguito nell'esercizio precedente", 'valore di riferimento', 'valore storico'], prefix: false, roles: ['key', 'column'], field: 'indicators[].baselines (the year before the plan)' },
  /** «Stato»: the present state an indicator starts from, in words (Castenedolo). */
  indicatorState: { variants: ['stato', 'stato attuale', 'situazione attuale', 'situazione di partenza', 'stato di fatto', 'descrizione indicatore'], prefix: false, roles: ['key', 'column'], field: 'indicators[].description' },
  /** "Target 2025", "Valore atteso 2025", "Target primo anno": matched by its words, then the year. */
  indicatorTargetYear: { variants: ['target primo anno', 'target secondo anno', 'target terzo anno', 'target anno 1', 'target anno 2', 'target anno 3'], prefix: false, roles: ['key', 'column'], field: 'indicators[].targets' },
  planYear: { variants: ['anno di riferimento', 'anno', 'esercizio', 'annualita'], prefix: false, roles: ['key'], field: 'plan.year' },
  /** A total row under a list or matrix: never an objective (FOOTER_TOTAL_MISMATCH). */
  footerTotal: { variants: ['totale', 'totali', 'peso ponderale calcolato', 'somma', 'totale pesi', 'totale punti', 'totale peso', 'totale complessivo'], prefix: true, roles: ['noise'], field: '— (checked: FOOTER_TOTAL_MISMATCH)' },
  footerOther: { variants: ['peso ponderale effettivo', 'fattore di conversione', 'coefficiente di conversione'], prefix: true, roles: ['noise'], field: '—' },
  activity: { variants: ['descrizione attivita', 'attivita', 'fasi', 'fase', 'azioni', 'azioni previste', 'descrizione fase', 'fasi di attuazione', 'cronoprogramma'], prefix: false, roles: ['column'], field: 'objectives[].activities[].name' },
  /** Printed fields the record has no place for: their values are reported (UNMAPPED_CELL). */
  unkept: {
    variants: ['note', 'osservazioni', 'annotazioni', 'fonte dei dati', 'fonte', 'misura', 'peso indicatore', 'data di approvazione', 'stakeholder', 'stakeholders', 'stakeholders coinvolti', 'altre pa o soggetti coinvolti', 'capitolo', 'correlazioni', 'riferimenti', 'codice obiettivo defr', 'obiettivo strategico defr', 'obiettivo rilevante ai fini della valutazione dei risultati', 'risorse umane', 'risorse strumentali', 'risorse finanziarie', 'risorse economiche', 'risorse', 'personale coinvolto', 'altri servizi coinvolti', '% di ragg', '% di raggiungimento', 'grado di raggiungimento', 'percentuale di raggiungimento', 'risultato conseguito', 'consuntivo', 'spl coinvolta', 'riferimento'],
    prefix: false, roles: ['key', 'column'], field: '— (UNMAPPED_CELL)',
  },
  instructions: { variants: ['istruzioni per la compilazione', 'legenda'], prefix: true, roles: ['noise'], field: '—' },
} as const satisfies Record<string, LabelDefinition>

export type LabelId = keyof typeof LABELS

/**
 * The plan's own groupings of objectives («Obiettivi di mantenimento», «obiettivo di
 * gruppo»), as the `category` value they give; matched as whole words in a heading or cell.
 */
export const CATEGORIES: readonly { value: string; words: readonly string[] }[] = [
  { value: 'mantenimento', words: ['mantenimento', 'di mantenimento'] },
  { value: 'sviluppo', words: ['sviluppo', 'di sviluppo'] },
  { value: 'strategico', words: ['strategico', 'strategici', 'strategica'] },
  { value: 'operativo', words: ['operativo', 'operativi'] },
  { value: 'trasversale', words: ['trasversale', 'trasversali'] },
  { value: 'di gruppo', words: ['di gruppo', 'gruppo'] },
  { value: 'innovazione', words: ['di innovazione', 'innovazione gestionale', 'innovazione'] },
  { value: 'miglioramento', words: ['di miglioramento', 'miglioramento'] },
  { value: 'funzionamento', words: ['di funzionamento', 'funzionamento'] },
]

/** What a mark in a check box or rating cell is: ticked (☒, ✓, X, "si") or not (☐, "no", blank). */
export const TICKED_MARKS = ['x', '☒', '✓', '✔', '☑', '■', '●', '•', '*', 'si', 'sì', 'yes', '1']
export const UNTICKED_MARKS = ['☐', '□', 'no', '-', '–', '0', 'o']

/** Person titles that tell a name from a unit ("dott.ssa Anna Bianchi"). */
export const PERSON_TITLES = ['dott', 'dott.ssa', 'dottssa', 'dr', 'dr.ssa', 'ing', 'arch', 'geom', 'rag', 'avv', 'prof', 'prof.ssa', 'sig', 'sig.ra', 'sigra', 'p.i', 'per', 'ragioniere', 'dottor', 'dottoressa', 'signor', 'signora']

/** Words that open a unit's name ("Area servizi finanziari", "Settore Lavori pubblici"). */
export const UNIT_WORDS = ['area', 'settore', 'servizio', 'servizi', 'ufficio', 'uffici', 'dipartimento', 'direzione', 'unita', 'struttura', 'centro', 'polizia', 'segreteria', 'ragioneria', 'corpo', 'sportello', 'biblioteca', 'comando']
