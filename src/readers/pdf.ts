import type { PlanDocument } from '../model/document.js'
import { PerfplanError } from '../errors.js'

/** PDF input is recognised but not read yet: it fails with its reason instead of an empty plan. */
export async function readPdf(_bytes: Uint8Array): Promise<PlanDocument> {
  throw new PerfplanError('UNREADABLE', 'La lettura dei file PDF non è ancora disponibile: esportare il piano in .xlsx, .docx o .html.')
}
