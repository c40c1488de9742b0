/**
 * Words a sentence cannot end on: articles, prepositions and conjunctions. A text that ends
 * on one was cut (seed: summary row "d" ends "...comunicando i dati richiesti dal").
 */
const DANGLING = new Set(
  ('il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle ' +
    'al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle ' +
    'sul sullo sulla sui sugli sulle col e ed o od ma che se non come quale cui').split(' '),
)

/** True when a text looks cut mid-sentence: it ends on a dangling word, or at Excel's 255-character limit without a full stop. */
export function looksTruncated(text: string): boolean {
  return endsDangling(text) || (text.length === 255 && !/[.;:)!?]$/.test(text))
}

/** True when a text ends on a word a sentence cannot end on ("...richiesti dal"). */
export function endsDangling(text: string): boolean {
  const last = /([\p{L}']+)\s*$/u.exec(text)?.[1]?.toLowerCase()
  return last !== undefined && DANGLING.has(last)
}
