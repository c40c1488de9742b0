import { tooLarge } from './too-large.js'
import type { Finding } from '../model/finding.js'
import type { PlanDocument } from '../model/document.js'
import { decodeHtml } from './encoding.js'
import { readHtmlBlocks } from './html-tables.js'

/**
 * Reads an HTML export (a spreadsheet saved as web page, a portal's table).
 * Limitations: see readHtmlBlocks; pages are unknown (null).
 */
export function readHtml(bytes: Uint8Array): PlanDocument {
  const { text, encoding, declared } = decodeHtml(bytes)
  checkNesting(text)
  const findings: Finding[] = declared
    ? [
        {
          rule: 'ENCODING_MISMATCH',
          severity: 'warning',
          objectiveId: null,
          path: null,
          message: `La pagina si dichiara in ${declared}, ma i suoi byte non lo sono: è stata letta come ${encoding}, la codifica a cui corrispondono.`,
          found: declared,
          corrected: encoding,
          location: null,
        },
      ]
    : []
  return { format: 'html', pages: null, blocks: readHtmlBlocks(text), findings }
}

/** The deepest nesting of elements a page may have: a plan's page nests tens; browsers' parsers slow down with the square of it. */
export const MAX_NESTING = 5_000

/** Elements that close themselves, or whose end tag may be left out: they do not deepen the nesting counted here. */
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp'])

/**
 * Refuses, before parsing, a page that nests elements deeper than MAX_NESTING (200,000
 * <div> one inside the other): counted on the tags as written, in one pass.
 */
function checkNesting(html: string): void {
  let depth = 0
  let deepest = 0
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = (match[2] as string).toLowerCase()
    if (NOT_NESTING.has(name) || match[3]) continue
    if (match[1]) depth = Math.max(0, depth - 1)
    else deepest = Math.max(deepest, ++depth)
  }
  if (deepest > MAX_NESTING) {
    throw tooLarge(`la pagina annida ${deepest} elementi uno dentro l'altro (al più ${MAX_NESTING})`)
  }
}
