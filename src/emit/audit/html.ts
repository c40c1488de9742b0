import { appendTo } from '../../util/multimap.js'
import type { BatchResult, FileResult } from '../../batch/run.js'
import type { DocumentDigest } from '../../batch/digest.js'
import type { Finding, Severity } from '../../model/finding.js'
import { describeLocation } from '../../model/location.js'
import { show } from '../../values/show.js'
import { bySeverity, cut, plural, SEVERITY_LABEL } from './common.js'
import { barChart, stackedBarChart, SEVERITY_COLOUR } from './charts.js'

/**
 * audit.html: the batch's audit as one self-contained page (no network assets; it works
 * from file://), in Italian like the findings. Totals, two charts, the documents sorted by
 * errors, and per document its findings grouped by objective, filtered by severity and rule.
 */
export function emitAuditHtml(batch: BatchResult, digests: ReadonlyMap<string, DocumentDigest>): string {
  const { totals } = batch
  const documents = [...batch.files].sort(byErrors)
  const rules = new Map<string, Record<Severity, number>>()
  for (const file of batch.files) {
    if (file.status === 'failed' && file.rule) countRule(rules, file.rule, 'error')
    for (const finding of digests.get(file.file)?.findings ?? []) countRule(rules, finding.rule, finding.severity)
  }
  const areaWeights = new Map<string, number>()
  for (const digest of digests.values()) for (const area of digest.areas) areaWeights.set(area.label, (areaWeights.get(area.label) ?? 0) + area.absoluteWeight)

  const ruleNames = [...rules.keys()].sort()
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit dei piani della performance</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Audit dei piani della performance</h1>
<p class="totals">
${tile(totals.files, 'documenti')}${tile(totals.ok, 'importati')}${tile(totals.failed, 'non importati', totals.failed > 0 ? 'error' : '')}${tile(totals.findings.error, 'errori', 'error')}${tile(totals.findings.warning, 'avvisi', 'warning')}${tile(totals.findings.info, 'informazioni', 'info')}
</p>
</header>
<section class="charts">
<figure><figcaption>Peso assoluto per area</figcaption>${barChart(
    [...areaWeights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([label, value]) => ({ label, value })),
    'peso-aree',
  )}</figure>
<figure><figcaption>Rilievi per regola</figcaption>${stackedBarChart(
    [...rules].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([label, counts]) => ({ label, counts })),
    'rilievi-regole',
  )}<p class="legend">${(['error', 'warning', 'info'] as const).map((severity) => `<span><i style="background:${SEVERITY_COLOUR[severity]}"></i>${SEVERITY_LABEL[severity]}</span>`).join('')}</p></figure>
</section>
<section>
<h2>Documenti</h2>
<table class="documents">
<thead><tr><th>Documento</th><th>Comune</th><th>Anno</th><th>Esito</th><th>Errori</th><th>Avvisi</th><th>Informazioni</th></tr></thead>
<tbody>
${documents.map((file, i) => documentRow(file, digests.get(file.file), i)).join('\n')}
</tbody>
</table>
</section>
<section>
<h2>Rilievi per documento</h2>
<form class="filters" aria-label="Filtri">
<fieldset><legend>Gravità</legend>${(['error', 'warning', 'info'] as const)
    .map((severity) => `<label><input type="checkbox" name="severity" value="${severity}" checked> ${SEVERITY_LABEL[severity]}</label>`)
    .join(' ')}</fieldset>
<label>Regola <select name="rule"><option value="">tutte</option>${ruleNames.map((rule) => `<option>${escape(rule)}</option>`).join('')}</select></label>
</form>
${documents.map((file, i) => documentSection(file, digests.get(file.file), i)).join('\n')}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`
}

/** Documents that could not be imported first, then by errors, warnings and name. */
function byErrors(a: FileResult, b: FileResult): number {
  return Number(b.status === 'failed') - Number(a.status === 'failed') || b.findings.error - a.findings.error || b.findings.warning - a.findings.warning || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
}

function countRule(rules: Map<string, Record<Severity, number>>, rule: string, severity: Severity): void {
  const counts = rules.get(rule) ?? { error: 0, warning: 0, info: 0 }
  counts[severity]++
  rules.set(rule, counts)
}

function total(counts: Record<Severity, number>): number {
  return counts.error + counts.warning + counts.info
}

function tile(n: number, label: string, tone = ''): string {
  return `<span class="tile ${tone}"><strong>${n}</strong> ${label}</span>`
}

function documentRow(file: FileResult, digest: DocumentDigest | undefined, i: number): string {
  const outcome = file.status === 'failed' ? `<span class="outcome-failed">non importato (${escape(file.rule ?? '')})</span>` : file.skipped ? 'importato (già presente)' : 'importato'
  return `<tr><td><a href="#doc-${i + 1}">${escape(file.file)}</a></td><td>${escape(digest?.plan.comune ?? '—')}</td><td>${digest?.plan.year ?? '—'}</td><td>${outcome}</td><td class="n">${file.findings.error}</td><td class="n">${file.findings.warning}</td><td class="n">${file.findings.info}</td></tr>`
}

function documentSection(file: FileResult, digest: DocumentDigest | undefined, i: number): string {
  const head = `<article class="document" id="doc-${i + 1}">\n<h3>${escape(file.file)}</h3>`
  if (file.status === 'failed') {
    const row = findingRow({ severity: 'error', rule: file.rule ?? '', where: '—', message: file.message ?? '', found: null, corrected: null })
    return `${head}\n<div class="group"><h4>Non importato</h4>\n<table class="findings">${COLUMNS}<tbody>${row}</tbody></table></div>\n</article>`
  }
  if (!digest) return `${head}\n</article>`
  const facts = `<p class="facts">Comune: ${escape(digest.plan.comune ?? '—')} · anno: ${digest.plan.year ?? '—'} · ${plural(digest.objectives.length, 'obiettivo', 'obiettivi')} · ${plural(file.findings.error, 'errore', 'errori')}, ${plural(file.findings.warning, 'avviso', 'avvisi')}, ${plural(file.findings.info, 'informazione', 'informazioni')}</p>`
  if (digest.findings.length === 0) return `${head}\n${facts}\n<p>Nessun rilievo.</p>\n</article>`
  const titles = new Map(digest.objectives.map((objective) => [objective.id, objective.title]))
  const groups = new Map<string | null, Finding[]>()
  for (const finding of [...digest.findings].sort(bySeverity)) {
    const key = finding.objectiveId
    appendTo(groups, key, finding)
  }
  // The document's own findings first, then the objectives in the plan's order.
  const order = [null, ...digest.objectives.map((objective) => objective.id)]
  const keys = [...groups.keys()].sort((a, b) => rank(order, a) - rank(order, b))
  const blocks = keys.map((key) => {
    const title = key === null ? 'Documento' : `Obiettivo ${key}${titles.get(key) ? ` — ${cut(titles.get(key) as string, 90)}` : ''}`
    const rows = (groups.get(key) as Finding[]).map((finding) =>
      findingRow({ severity: finding.severity, rule: finding.rule, where: describeLocation(finding.location), message: finding.message, found: show(finding.found), corrected: show(finding.corrected) }),
    )
    return `<div class="group"><h4>${escape(title)}</h4>\n<table class="findings">${COLUMNS}<thead><tr><th>Gravità</th><th>Regola</th><th>Dove</th><th>Messaggio</th><th>Trovato</th><th>Corretto</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`
  })
  return `${head}\n${facts}\n${blocks.join('\n')}\n</article>`
}

const COLUMNS = '<colgroup><col class="severity"><col class="rule"><col class="where"><col><col class="value"><col class="value"></colgroup>'

function rank(order: readonly (string | null)[], key: string | null): number {
  const at = order.indexOf(key)
  return at < 0 ? order.length : at
}

function findingRow(f: { severity: Severity; rule: string; where: string; message: string; found: string | null; corrected: string | null }): string {
  return `<tr data-severity="${f.severity}" data-rule="${escape(f.rule)}"><td><span class="badge ${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td><td><code>${escape(f.rule)}</code></td><td>${escape(f.where)}</td>${textCell(f.message)}${textCell(f.found ?? '')}${textCell(f.corrected ?? '')}</tr>`
}

/** A cell cut with «…»; the whole text stays in its tooltip. */
function textCell(text: string): string {
  const short = cut(text)
  return short === text ? `<td>${escape(text)}</td>` : `<td title="${escape(text)}">${escape(short)}</td>`
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:24px;margin:0 0 12px}h2{font-size:19px;margin:28px 0 10px}h3{font-size:16px;margin:0 0 6px}h4{font-size:14px;margin:12px 0 4px}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin:0}
.tile{border:1px solid #d5d9e0;border-radius:6px;padding:8px 12px;background:#f7f8fa}.tile strong{font-size:20px;margin-right:4px}
.tile.error strong{color:${SEVERITY_COLOUR.error}}.tile.warning strong{color:${SEVERITY_COLOUR.warning}}.tile.info strong{color:${SEVERITY_COLOUR.info}}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:20px;margin-top:20px;align-items:start}
figure{margin:0;border:1px solid #d5d9e0;border-radius:6px;padding:12px}figcaption{font-weight:600;margin-bottom:6px}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f6;font-weight:600}td code{overflow-wrap:anywhere}td.n{text-align:right;font-variant-numeric:tabular-nums}
.document{border-top:2px solid #d5d9e0;padding-top:10px;margin-top:18px}.facts{color:#4a5263;margin:0 0 6px}
.badge{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px}
.badge.error{background:${SEVERITY_COLOUR.error}}.badge.warning{background:${SEVERITY_COLOUR.warning}}.badge.info{background:${SEVERITY_COLOUR.info}}
span.outcome-failed{color:${SEVERITY_COLOUR.error};font-weight:600}
table.findings{table-layout:fixed}table.findings col.severity{width:110px}table.findings col.rule{width:230px}table.findings col.where{width:190px}table.findings col.value{width:150px}
.legend{display:flex;gap:12px;font-size:12px;margin-top:6px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
.filters{display:flex;gap:16px;align-items:center;position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #e4e7ec}
fieldset{border:0;padding:0;margin:0}legend{float:left;margin-right:8px;font-weight:600}
@media print{.filters{display:none}.charts{grid-template-columns:1fr}}
`

const SCRIPT = `
(function () {
  var form = document.querySelector('.filters');
  function apply() {
    var on = {};
    form.querySelectorAll('input[name=severity]').forEach(function (box) { on[box.value] = box.checked; });
    var rule = form.querySelector('select[name=rule]').value;
    document.querySelectorAll('tr[data-severity]').forEach(function (row) {
      row.hidden = !(on[row.getAttribute('data-severity')] && (!rule || row.getAttribute('data-rule') === rule));
    });
    document.querySelectorAll('.group').forEach(function (group) {
      group.hidden = !group.querySelector('tr[data-severity]:not([hidden])');
    });
  }
  form.addEventListener('change', apply);
})();
`
