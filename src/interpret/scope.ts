import { foldWhitespace } from '../text/normalize.js'
import { matchLabel } from './labels.js'
import { categoryOf, codeAndTitle, splitPerson } from './fields.js'
import { yearIn } from './kind.js'
import type { PlanHints } from './draft.js'
import { officialMissione, readMissione, readProgramma } from './missione.js'

/**
 * What the text around the tables says about the objectives that follow: the unit heading
 * above them («Settore: Affari generali», a separator row), the plan's grouping («Obiettivi
 * di mantenimento»), the DUP programme («PROGRAMMA: …»), and the plan's title block. Layout
 * readers carry it down to each objective; a new unit heading resets the grouping below it.
 */
export class Scope {
  unit: string | null = null
  category: string | null = null
  parent: { code: string | null; title: string | null } | null = null
  /** «Missione 01 - … - Programma 04 …» above a portal's table: the official classification of what follows. */
  missione: { code: string; name: string } | null = null
  programma: { code: string; name: string } | null = null
  /** «Responsabile del servizio: …» printed above the unit's objectives. */
  responsible: { name: string | null; role: string | null } | null = null
  /** Whether the title came from a heading (a breadcrumb or a line of text gives way to one). */
  private titleFromHeading = false
  /** The title was the last thing read: a heading's second line may complete it. */
  private titleOpen = false
  readonly plan: PlanHints = { comune: null, year: null, title: null, unit: null }

  /**
   * Reads one heading, caption or single-cell row. Returns what it was ("unit", "category",
   * "parent", "title", "comune"), or null when it says none of these.
   */
  read(text: string, heading = true): 'unit' | 'category' | 'parent' | 'title' | 'comune' | 'responsible' | 'classification' | null {
    const t = foldWhitespace(text)
    const open = this.titleOpen
    this.titleOpen = false
    if (t === '' || t.length > 200) return null
    if (open && this.plan.title && continuesTitle(this.plan.title, t)) {
      this.plan.title = `${this.plan.title} ${t}`
      this.titleOpen = true
      return 'title'
    }
    const category = categoryOf(t)
    if (category) {
      this.category = category
      return 'category'
    }
    const comune = /^comune\s+di\s+(.+?)(?:\s*[-–(,].*|\s+(?:provincia|citt[aà] metropolitana)\b.*)?$/i.exec(t)
    const title = matchLabel(t, ['planTitle'])
    if (comune && !title) {
      this.plan.comune ??= properName(foldWhitespace(comune[1] as string))
      const rest = t.slice((comune[0] as string).length)
      if (rest === '') return 'comune'
    }
    if ((title && !/[>»|]/.test(t)) || /^(il\s+)?piano\b.*\b(performance|obiettivi|esecutivo|indicatori)\b/i.test(t)) {
      if (this.plan.title === null || (heading && !this.titleFromHeading)) {
        // "Comune di Monteferro - Piano della performance 2023-2025": the title is the plan's part.
        const own = /^comune\s+di\s+.+?\s+[-–]\s+(.+)$/i.exec(t)
        this.plan.title = own ? (own[1] as string) : t
        this.plan.year = yearIn(firstYear(t)) ?? this.plan.year
        this.titleFromHeading = heading
        this.titleOpen = true
      }
      return 'title'
    }
    if (this.readClassification(t)) return 'classification'
    const programme = /^programma\s*(?:dup|n\.?)?\s*[:.–-]\s*(.+)$/i.exec(t)
    if (programme) {
      const { code, title: name } = codeAndTitle(programme[1] as string)
      this.parent = { code, title: name }
      this.category = null
      return 'parent'
    }
    const person = /^(responsabile[^:]{0,40}|dirigente[^:]{0,30}|titolare[^:]{0,40}|referente)\s*:\s*(.+)$/i.exec(t)
    if (person && !/della pubblicazione|del procedimento|della trasparenza|del sito/i.test(person[1] as string)) {
      this.responsible = splitPerson(person[2] as string)
      return 'responsible'
    }
    const unit = matchLabel(t, ['unitName'])
    if (unit && unit.rest !== '' && t.split(' ').length <= 12) {
      // «Settore: Affari generali» drops the label; «Servizio Amministrativo» is the name itself.
      this.unit = /^[^:]{1,40}:\s*\S/.test(t) ? foldWhitespace(t.slice(t.indexOf(':') + 1)) : t
      this.category = null
      this.responsible = null
      return 'unit'
    }
    return null
  }

  /**
   * «Missione 01 - Servizi istituzionali - Programma 04 Gestione delle entrate» (one heading or
   * two): the codes of the official classification, by number. A new Missione drops the
   * Programma of the one before.
   */
  private readClassification(t: string): boolean {
    if (/^missione\s+\d{1,2}\b/i.test(t)) {
      const at = t.search(/\bprogramma\s+\d/i)
      const missione = readMissione(at < 0 ? t : t.slice(0, at).replace(/[\s\-–:,]+$/, ''))
      if (!missione) return false
      this.missione = { code: missione.code, name: missione.name }
      this.programma = null
      if (at >= 0) this.readProgramma(t.slice(at))
      return true
    }
    return /^programma\s+\d{1,4}\b/i.test(t) && this.readProgramma(t)
  }

  private readProgramma(t: string): boolean {
    const programma = readProgramma(t, this.missione?.code ?? null)
    if (!programma) return false
    this.programma = { code: programma.code, name: programma.name }
    this.missione ??= { code: programma.code.slice(0, 2), name: officialMissione(programma.code.slice(0, 2)) ?? '' }
    return true
  }

  /** A table stands between: a heading after it does not complete the title before it. */
  close(): void {
    this.titleOpen = false
  }
}

/** Words a title's first line ends on when its heading goes on below ("… – Sottosezione" / "Performance"). */
const OPEN_ENDINGS = ['sottosezione', 'sezione', 'di', 'del', 'della', 'dei', 'degli', 'delle', 'e', 'per', 'al', 'alla', 'ai', 'agli', 'in', 'con']

/** Whether a short line completes the title read just before it. */
function continuesTitle(title: string, line: string): boolean {
  if (line.length > 40 || /^comune\s+di\b/i.test(line) || /\d{4}/.test(line)) return false
  const last = title.split(/\s+/).at(-1)?.toLowerCase() ?? ''
  return /[-–:,]$/.test(title) || OPEN_ENDINGS.includes(last) || /^[a-zà-ù]/.test(line)
}

/** "SAN VITO AL PIANO" -> "San Vito al Piano": a name printed in capitals, as it is written. */
export function properName(text: string): string {
  if (text !== text.toUpperCase()) return text
  return text
    .toLowerCase()
    .split(' ')
    .map((word, i) => (i > 0 && ['di', 'del', 'della', 'dei', 'al', 'alla', 'in', 'sul', 'e', 'de', 'da'].includes(word) ? word : word.replace(/(^|['-])(\p{L})/gu, (_, sep, letter) => sep + letter.toUpperCase())))
    .join(' ')
}

/** "Piano 2019 - 2021" -> "2019": a triennio's plan year is its first. */
function firstYear(text: string): string {
  const m = /\b(19[5-9]\d|20\d\d)\b/.exec(text)
  return m ? (m[1] as string) : text
}
