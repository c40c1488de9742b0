/**
 * Where one input's outputs go under OUT, by its name ("sub/piano.pdf"):
 * the record `sub/piano.pdf.json` and the corrected workbook `sub/piano.pdf.xlsx`.
 * A workbook input keeps its own name free: `piano.xlsx` gives `piano.xlsx.corretto.xlsx`.
 */
export function outputNames(name: string): { json: string; workbook: string } {
  const workbook = name.toLowerCase().endsWith('.xlsx') ? `${name}.corretto.xlsx` : `${name}.xlsx`
  return { json: `${name}.json`, workbook }
}
