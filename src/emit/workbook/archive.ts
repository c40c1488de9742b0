import type ExcelJS from 'exceljs'

/**
 * The zip of exceljs's streaming writer (an archiver instance, not in its typings): the writer
 * adds each part to it as it is written out, and it deflates the parts in turn.
 */
interface Archive {
  append(source: unknown, options: { name: string }): unknown
  on(event: 'progress', listener: (progress: { entries: { total: number; processed: number } }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

function archiveOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter): Archive {
  return (workbook as unknown as { zip: Archive }).zip
}

/** Rewrites the text parts the writer adds, by their name in the zip ("xl/workbook.xml"). */
export function rewriteParts(workbook: ExcelJS.stream.xlsx.WorkbookWriter, rewrite: (name: string, xml: string) => string): void {
  const zip = archiveOf(workbook)
  const append = zip.append.bind(zip)
  zip.append = (source, options) => append(typeof source === 'string' ? rewrite(options.name.replace(/^\//, ''), source) : source, options)
}

/**
 * A wait for the zip to catch up with the sheets written out. A part the zip has not taken yet
 * holds its written-out XML in memory, so a writer that goes on without waiting holds the whole
 * workbook. The returned function resolves once at most `most` parts are still to be deflated.
 */
export function zipCatchUp(workbook: ExcelJS.stream.xlsx.WorkbookWriter): (most: number) => Promise<void> {
  const zip = archiveOf(workbook)
  let added = 0
  let processed = 0
  let failure: Error | null = null
  let waiting: { most: number; resolve: () => void; reject: (error: Error) => void } | null = null
  const append = zip.append.bind(zip)
  zip.append = (source, options) => {
    added++
    return append(source, options)
  }
  const check = (): void => {
    if (!waiting) return
    if (failure) waiting.reject(failure)
    else if (added - processed <= waiting.most) waiting.resolve()
    else return
    waiting = null
  }
  zip.on('progress', (progress) => {
    processed = progress.entries.processed
    check()
  })
  zip.on('error', (error) => {
    failure = error
    check()
  })
  return (most) =>
    new Promise<void>((resolve, reject) => {
      waiting = { most, resolve, reject }
      check()
    })
}
