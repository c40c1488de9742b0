import mammoth from 'mammoth'
import type { PlanDocument } from '../model/document.js'
import type { Finding } from '../model/finding.js'
import { PerfplanError } from '../errors.js'
import { readHtmlBlocks } from './html-tables.js'

/**
 * Reads a Word document: mammoth converts it to HTML (keeping merged cells as
 * rowspan/colspan), which goes through the same table reader as HTML input.
 * Limitations: no page numbers or source positions; text boxes and headers/footers
 * are not read (mammoth leaves them out).
 */
export async function readDocx(bytes: Uint8Array): Promise<PlanDocument> {
  let result: { value: string; messages: { type: string; message: string }[] }
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP })
  } catch (cause) {
    throw new PerfplanError('UNREADABLE', 'Il file Word è danneggiato: la parte principale del documento non si legge.', { cause })
  }
  const findings = result.messages.map(converterFinding)
  return { format: 'docx', pages: null, blocks: readHtmlBlocks(result.value), findings }
}

/**
 * Word's title styles, which mammoth does not map by itself: a plan's title («Titolo», «Title»)
 * and subtitle are headings, as its «Titolo 1» (Heading 1) is.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titolo'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Sottotitolo'] => h2:fresh",
]

/** mammoth: «Unrecognised paragraph style: 'Body Text' (Style ID: TextBody)». */
const UNKNOWN_STYLE = /^Unrecognised (paragraph|run) style: '([^']*)'/

/**
 * A message of the Word converter as a finding. A style it does not know (every LibreOffice
 * document has «Body Text» and «Table Contents») loses nothing but the look: its text is read
 * as plain text, so it is an info; anything else it could not convert is a warning.
 */
function converterFinding(message: { message: string }): Finding {
  const style = UNKNOWN_STYLE.exec(message.message)
  return {
    rule: 'DOCX_WARNING',
    severity: style ? 'info' : 'warning',
    objectiveId: null,
    path: null,
    message: style ? `Conversione Word: lo stile ${style[1] === 'run' ? 'di carattere' : 'di paragrafo'} «${style[2]}» non è noto, il suo testo è letto come testo semplice.` : `Conversione Word: ${message.message}`,
    found: null,
    corrected: null,
    location: null,
  }
}
