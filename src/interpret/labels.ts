import { appendTo } from '../util/multimap.js'
import { labelKey } from '../text/normalize.js'

import { LABELS, type LabelDefinition, type LabelId } from './vocabulary.js'

export { LABELS, type LabelId }

const exact = new Map<string, LabelId[]>()
/** Keys without spaces: a word broken across lines in a narrow PDF cell ("ASSORBIME NTO") still matches. */
const compact = new Map<string, LabelId[]>()
const prefixed: { key: string; id: LabelId }[] = []
for (const [id, label] of Object.entries(LABELS) as [LabelId, LabelDefinition][]) {
  for (const variant of label.variants) {
    const key = labelKey(variant)
    appendTo(exact, key, id)
    appendTo(compact, key.replace(/ /g, ''), id)
    if (label.prefix) prefixed.push({ key, id })
  }
}
prefixed.sort((a, b) => b.key.length - a.key.length)
/** The prefix labels by their first word, longest first: a key is only tried against those sharing its first word. */
const prefixedBy = new Map<string, { key: string; id: LabelId }[]>()
for (const entry of prefixed) appendTo(prefixedBy, firstWord(entry.key), entry)

function firstWord(key: string): string {
  const space = key.indexOf(' ')
  return space < 0 ? key : key.slice(0, space)
}

/**
 * The labels a cell's text can be, among `allowed` (the labels of the section being read):
 * an exact match, or a prefix label followed by its value (`rest`).
 */
export function matchLabel(text: string, allowed: readonly LabelId[]): { id: LabelId; rest: string } | null {
  for (const candidate of candidatesOf(text)) {
    if (!allowed.includes(candidate.id)) continue
    return { id: candidate.id, rest: candidate.prefix === null ? '' : restAfter(text, candidate.prefix) }
  }
  return null
}

/** A label a text can be: whole (`prefix` null) or as the words it starts with. */
interface Candidate {
  id: LabelId
  prefix: string | null
}

/**
 * Every label a text can be, in the order matchLabel tries them: exact keys, then keys
 * without spaces, then prefix labels longest first. The same cell text is matched against
 * many sets of labels, so the candidates of the texts seen lately are kept.
 */
const candidates = new Map<string, readonly Candidate[]>()

function candidatesOf(text: string): readonly Candidate[] {
  let found = candidates.get(text)
  if (found !== undefined) return found
  if (candidates.size > 20000) candidates.clear()
  const key = labelKey(text)
  const list: Candidate[] = []
  if (key !== '') {
    for (const id of exact.get(key) ?? []) list.push({ id, prefix: null })
    for (const id of compact.get(key.replace(/ /g, '')) ?? []) list.push({ id, prefix: null })
    for (const { key: prefix, id } of prefixedBy.get(firstWord(key)) ?? []) {
      if (key.length > prefix.length && key.charCodeAt(prefix.length) === 32 && key.startsWith(prefix)) list.push({ id, prefix })
    }
  }
  found = list
  candidates.set(text, found)
  return found
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
