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
  const key = keyOf(text)
  if (key === '') return null
  for (const id of exact.get(key) ?? []) if (allowed.includes(id)) return { id, rest: '' }
  for (const id of compact.get(key.replace(/ /g, '')) ?? []) if (allowed.includes(id)) return { id, rest: '' }
  for (const { key: prefix, id } of prefixedBy.get(firstWord(key)) ?? []) {
    if (key.length <= prefix.length || key.charCodeAt(prefix.length) !== 32 || !key.startsWith(prefix) || !allowed.includes(id)) continue
    return { id, rest: restAfter(text, prefix) }
  }
  return null
}

/** Label keys of the texts seen lately: the same cell text is matched against many labels. */
const keys = new Map<string, string>()

function keyOf(text: string): string {
  let key = keys.get(text)
  if (key === undefined) {
    if (keys.size > 20000) keys.clear()
    key = labelKey(text)
    keys.set(text, key)
  }
  return key
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
