/**
 * The HTML scorecard of `report-lint audit`: one self-contained file (no network: inline CSS, script and SVG), a
 * sortable and filterable table of agencies and years, a chart of findings by rule and year, and for each agency its
 * findings with links to the file and place. The data is embedded as JSON and the table is also written as HTML,
 * so the page reads without its script.
 */
import { pathToFileURL } from 'node:url';
import type { AuditData } from '../batch/audit.js';

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#17becf', '#bcbd22', '#8c564b'];

/** Stacked bars: one bar per year, one colour per rule. */
export function findingsChart(data: AuditData): string {
  const rules = Object.keys(data.totals.byRuleAndYear).sort();
  const years = data.years;
  if (!rules.length || !years.length) return '<p class="empty">没有发现问题，无图表。</p>';
  const perYear = years.map((y) => rules.map((r) => data.totals.byRuleAndYear[r]?.[String(y)] ?? 0));
  const max = Math.max(1, ...perYear.map((v) => v.reduce((a, b) => a + b, 0)));
  const W = 640;
  const H = 260;
  const left = 48;
  const bottom = 28;
  const top = 10;
  const plotH = H - top - bottom;
  const bw = Math.min(60, ((W - left - 10) / years.length) * 0.6);
  const step = (W - left - 10) / years.length;
  let bars = '';
  years.forEach((y, i) => {
    let acc = 0;
    const x = left + i * step + (step - bw) / 2;
    rules.forEach((r, k) => {
      const n = perYear[i][k];
      if (!n) return;
      const h = (n / max) * plotH;
      const yy = top + plotH - ((acc + n) / max) * plotH;
      bars += `<rect x="${x.toFixed(1)}" y="${yy.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[k % PALETTE.length]}" data-rule="${esc(r)}" data-year="${y}"><title>${esc(r)} · ${y}：${n}</title></rect>`;
      acc += n;
    });
    bars += `<text x="${(x + bw / 2).toFixed(1)}" y="${H - 10}" text-anchor="middle" font-size="12">${y}</text>`;
  });
  const ticks = [0, 0.5, 1].map((f) => {
    const yy = top + plotH - f * plotH;
    return `<line x1="${left - 4}" x2="${W - 10}" y1="${yy}" y2="${yy}" stroke="#ddd"/><text x="${left - 6}" y="${yy + 4}" text-anchor="end" font-size="11">${Math.round(f * max)}</text>`;
  });
  const legend = rules
    .map((r, k) => `<span class="key"><i style="background:${PALETTE[k % PALETTE.length]}"></i>${esc(r)}（${data.totals.byRule[r] ?? 0}）</span>`)
    .join(' ');
  return `<svg id="chart" role="img" aria-label="按规则和年度统计的问题数" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${ticks.join('')}${bars}</svg><div class="legend">${legend}</div>`;
}

function fileLink(path: string, line?: number): string {
  let href: string;
  try {
    href = pathToFileURL(path).href + (line ? `#L${line}` : '');
  } catch {
    href = '#';
  }
  return href;
}

const n = (v: number | null) => (v === null ? '—' : String(v));

export function auditHtml(data: AuditData): string {
  const rows = data.agencies
    .flatMap((a, ai) =>
      a.years.map((y) => {
        const ontime = y.onTime === null ? '未写明' : y.onTime ? '按时' : '逾期';
        return `<tr data-agency="${ai}" data-errors="${y.errors}">
<td><a href="#agency-${ai}">${esc(a.agency)}</a></td><td data-v="${y.year}">${y.year}</td><td data-v="${y.files.length}">${y.files.length}</td>
<td data-v="${y.errors}" class="${y.errors ? 'bad' : ''}">${y.errors}</td><td data-v="${y.warnings}">${y.warnings}</td><td data-v="${y.infos}">${y.infos}</td>
<td>${esc(Object.entries(y.byRule).sort().map(([r, c]) => `${r} ${c}`).join('、'))}</td>
<td data-v="${esc(y.published ?? '')}">${esc(y.published ?? '')} ${ontime}</td>
<td data-v="${y.totals.applications ?? -1}">${n(y.totals.applications)}</td><td data-v="${y.totals.reviews ?? -1}">${n(y.totals.reviews)}</td><td data-v="${y.totals.lawsuits ?? -1}">${n(y.totals.lawsuits)}</td>
<td>${esc(a.yearsMissing.join('、'))}</td></tr>`;
      }),
    )
    .join('\n');
  const details = data.agencies
    .map((a, ai) => {
      const side = `<table class="side"><tr><th>年度</th>${a.years.map((y) => `<th>${y.year}</th>`).join('')}</tr>
<tr><td>本年新收申请</td>${a.years.map((y) => `<td>${n(y.totals.applications)}</td>`).join('')}</tr>
<tr><td>上年结转</td>${a.years.map((y) => `<td>${n(y.totals.carriedOver)}</td>`).join('')}</tr>
<tr><td>结转下年度</td>${a.years.map((y) => `<td>${n(y.totals.carriedForward)}</td>`).join('')}</tr>
<tr><td>行政复议</td>${a.years.map((y) => `<td>${n(y.totals.reviews)}</td>`).join('')}</tr>
<tr><td>行政诉讼</td>${a.years.map((y) => `<td>${n(y.totals.lawsuits)}</td>`).join('')}</tr></table>`;
      const findings = a.years
        .flatMap((y) =>
          y.findings.map(
            (f) =>
              `<li class="sev${f.severity}"><a href="${esc(fileLink(f.filePath, f.line))}">${esc(f.filePath.split(/[\\/]/).pop())}:${f.line}:${f.column}</a>${f.place ? `（${esc(f.place)}）` : ''} <b>${f.severity === 2 ? '错误' : f.severity === 0 ? '提示' : '警告'}</b> ${esc(f.message)} <code>${esc(f.ruleId ?? '')}</code></li>`,
          ),
        )
        .join('\n');
      return `<section class="agency" id="agency-${ai}"><h3>${esc(a.agency)}</h3>${a.yearsMissing.length ? `<p>缺少年度：${esc(a.yearsMissing.join('、'))}</p>` : ''}${side}${findings ? `<ul>${findings}</ul>` : '<p>没有发现问题。</p>'}</section>`;
    })
    .join('\n');
  const unidentified = data.unidentified.length
    ? `<h2>未能归属机关或年度的文件（${data.unidentified.length}）</h2><ul>${data.unidentified.map((u) => `<li><a href="${esc(fileLink(u.filePath))}">${esc(u.filePath)}</a>：${esc(u.reason)}（错误 ${u.errors}，警告 ${u.warnings}）</li>`).join('')}</ul>`
    : '';
  const t = data.totals;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告检查汇总</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
#scores th{cursor:pointer;background:#f3f3f3;user-select:none}#scores th[aria-sort=ascending]::after{content:" ▲"}#scores th[aria-sort=descending]::after{content:" ▼"}
td.bad{color:#b00;font-weight:bold}.legend .key{margin-right:1em;white-space:nowrap}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.agency{border-top:1px solid #ddd;margin-top:1em}.side td,.side th{text-align:right}.sev2 b{color:#b00}.sev1 b{color:#a60}.sev0 b{color:#06c}
#filter{padding:4px;width:20em}
</style></head><body>
<h1>政府信息公开工作年度报告检查汇总</h1>
<p id="summary">${t.files} 个文件，${t.agencies} 个机关，年度 ${esc(data.years.join('、') || '—')}；错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.infos}。report-lint ${esc(data.tool.version)}，${esc(data.generated)}。</p>
<h2>按规则和年度统计</h2>
${findingsChart(data)}
<h2>各机关、各年度</h2>
<p><label>筛选：<input id="filter" type="search" placeholder="机关名称、年度或规则"></label> <label><input id="only-errors" type="checkbox"> 只看有错误的</label> <span id="shown"></span></p>
<table id="scores"><thead><tr><th data-type="text">机关</th><th data-type="num">年度</th><th data-type="num">文件</th><th data-type="num">错误</th><th data-type="num">警告</th><th data-type="num">提示</th><th data-type="text">按规则</th><th data-type="text">发布日期</th><th data-type="num">本年新收申请</th><th data-type="num">行政复议</th><th data-type="num">行政诉讼</th><th data-type="text">缺少的年度</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${unidentified}
<h2>各机关的问题</h2>
${details}
<script type="application/json" id="audit-data">${JSON.stringify({ totals: data.totals, years: data.years }).replace(/</g, '\\u003c')}</script>
<script>
(function () {
  var table = document.getElementById('scores');
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function value(row, i, type) {
    var c = row.cells[i];
    var v = c.getAttribute('data-v');
    if (v === null) v = c.textContent;
    return type === 'num' ? Number(v) : v;
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var type = th.getAttribute('data-type');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, i, type), y = value(b, i, type);
        var c = type === 'num' ? x - y : String(x).localeCompare(String(y), 'zh');
        return dir === 'ascending' ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filter = document.getElementById('filter');
  var onlyErrors = document.getElementById('only-errors');
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!onlyErrors.checked || Number(r.getAttribute('data-errors')) > 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('shown').textContent = '显示 ' + shown + ' / ' + body.rows.length + ' 行';
  }
  filter.addEventListener('input', apply);
  onlyErrors.addEventListener('change', apply);
  apply();
})();
</script>
</body></html>
`;
}
