/** Removes accents: "Complessità" -> "Complessita". */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '')
}

/** Folds every run of whitespace (line breaks too) into one space and trims. */
export function foldWhitespace(text: string): string {
  if (!/[^\S ]|  |^ | $/.test(text)) return text // already folded
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}

/**
 * The key under which labels are compared: lower case, no accents, punctuation and
 * whitespace folded to single spaces. "RESPONSABILE PRIMARIO:" -> "responsabile primario".
 */
export function labelKey(text: string): string {
  return foldWhitespace(
    stripAccents(text)
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/[^a-z0-9%'/]+/g, ' '),
  )
}

/** Words of a text for similarity: label keys split on spaces, slashes and apostrophes. */
export function words(text: string): string[] {
  return labelKey(text)
    .split(/[\s'/]+/)
    .filter((word) => word.length > 0)
}
