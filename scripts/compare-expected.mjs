// Compares the records of the layout fixtures with their ground truth (test/expected/*.json):
// prints every field that differs. Usage: node scripts/compare-expected.mjs [slug...]
import { readFileSync, readdirSync } from 'node:fs'
import { importFile } from '../dist/index.js'

const only = process.argv.slice(2)
const pick = (expected, actual) => {
  if (Array.isArray(expected)) return expected.map((e, i) => pick(e, actual?.[i]))
  if (expected && typeof expected === 'object' && !('raw' in expected && 'kind' in expected)) {
    const out = {}
    for (const k of Object.keys(expected)) out[k] = pick(expected[k], actual?.[k])
    return out
  }
  return actual
}
let bad = 0
for (const f of readdirSync(process.env.EXP ?? 'test/expected').filter((f) => f.endsWith('.json'))) {
  const slug = f.replace(/\.json$/, '')
  if (only.length && !only.includes(slug)) continue
  const exp = JSON.parse(readFileSync(`${process.env.EXP ?? 'test/expected'}/${f}`, 'utf8'))
  for (const file of exp.files) {
    let rec
    try { ({ record: rec } = await importFile(`${process.env.FIX ?? 'fixtures/plans'}/${slug}/${file}`)) } catch (e) { console.log(`${slug}/${file}: ERROR ${e.message}`); bad++; continue }
    const diffs = []
    const cmp = (path, e, a) => {
      if (e && typeof e === 'object' && !Array.isArray(e) && !('raw' in e && 'kind' in e)) { for (const k of Object.keys(e)) cmp(`${path}.${k}`, e[k], a?.[k]); return }
      if (Array.isArray(e) && e.some((x) => x && typeof x === 'object')) { if ((a?.length ?? 0) !== e.length) diffs.push(`${path}: length ${a?.length} != ${e.length}`); e.forEach((x, i) => cmp(`${path}[${i}]`, x, a?.[i])); return }
      if (JSON.stringify(e) !== JSON.stringify(a)) diffs.push(`${path}: got ${JSON.stringify(a)} want ${JSON.stringify(e)}`)
    }
    cmp('layouts', exp.layouts, rec.source.layouts)
    cmp('plan', exp.plan, rec.plan)
    if (exp.summary) cmp('summary', exp.summary, rec.summary)
    if ((rec.objectives.length) !== exp.objectives.length) diffs.push(`objectives: ${rec.objectives.length} != ${exp.objectives.length} [${rec.objectives.map((o) => o.id).join(',')}]`)
    exp.objectives.forEach((o, i) => cmp(`objectives[${i}]`, o, rec.objectives[i]))
    const got = rec.findings.filter((x) => x.rule !== 'UNMAPPED_CELL' && x.severity !== 'info').map((x) => `${x.rule} ${x.objectiveId}`)
    const want = exp.findings.map((x) => `${x.rule} ${x.objectiveId}`)
    for (const w of want) if (!got.includes(w)) diffs.push(`finding missing: ${w}`)
    for (const g of got) if (!want.includes(g)) diffs.push(`finding extra: ${g}`)
    const unm = rec.findings.filter((x) => x.rule === 'UNMAPPED_CELL').map((x) => JSON.stringify(x.found).slice(0, 60))
    console.log(`${slug}/${file}: ${diffs.length} diffs${unm.length ? `; unmapped: ${unm.length}` : ''}`)
    for (const d of diffs.slice(0, 40)) console.log('   ' + d)
    if (process.env.UNM) for (const u of unm) console.log('   U ' + u)
    bad += diffs.length
  }
}
console.log(`total diffs: ${bad}`)
