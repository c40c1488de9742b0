import type ExcelJS from 'exceljs'

/**
 * Gives every cell that looks the same one shared style object, sheet by sheet as each is done.
 *
 * exceljs gives each cell a style object of its own and, when it writes, renders each one to XML
 * (number format, font, border, fill, alignment) to find its entry in styles.xml; it skips that
 * only for a style object it has already seen. A card sheet has a few hundred cells in a handful
 * of looks, so sharing the objects saves most of the rendering.
 *
 * Two styles are the same when they hold the same part objects (the writers use one constant per
 * font, fill, border and alignment), so no style is rendered or serialised to compare it. Must be
 * the last step before a sheet is written out: a cell setter (`cell.fill = …`) would change every
 * cell sharing the object.
 */
export function styleSharer(): (sheet: ExcelJS.Worksheet) => void {
  const ids = new Map<unknown, number>()
  const id = (part: unknown): number => {
    if (part === undefined) return 0
    let n = ids.get(part)
    if (n === undefined) ids.set(part, (n = ids.size + 1))
    return n
  }
  const shared = new Map<number | string, Partial<ExcelJS.Style>>()
  return (sheet) => {
    sheet.eachRow((row) => {
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c)
        if (!cell) continue
        const { numFmt, font, border, fill, alignment, protection } = cell.style
        const key = styleKey(id(numFmt), id(font), id(border), id(fill), id(alignment), id(protection))
        const style = shared.get(key)
        if (style) cell.style = style
        else shared.set(key, cell.style)
      }
    })
  }
}

/**
 * The six part numbers as one key: a number while each is below 256 (48 bits, exact in a
 * double; a string made for every cell would be allocated), else their list as text.
 */
function styleKey(...parts: number[]): number | string {
  let key = 0
  for (const part of parts) {
    if (part > 255) return parts.join(',')
    key = key * 256 + part
  }
  return key
}
