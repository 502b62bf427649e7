/**
 * The HTML report's inline style and script. Inline because the report is one file that must work
 * offline (the page's Content-Security-Policy forbids loading anything). The script sorts and
 * filters the access matrix, and reports its own health in `#report-status` (`data-state` becomes
 * `ready`, or `error` with the message when a script error, a console error or a blocked load
 * happens), which the headless-browser test reads.
 */

export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
header, main, footer { padding: 0 24px; }
header { background: #24292f; color: #fff; padding-top: 14px; padding-bottom: 14px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: #d1d9e0; }
nav a { color: #fff; margin-right: 16px; }
h2 { margin-top: 28px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 24px 0 6px; }
h4 { margin: 14px 0 6px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--bg); border: 1px solid var(--line); padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; }
.empty, .source { color: var(--muted); }
.source { font-size: 12px; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.summary span { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
.mesh-scroll, .matrix-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.mesh { display: block; background: #fff; }
svg.mesh text { font-size: 13px; fill: var(--ink); }
svg.mesh .column-heading { font-weight: 600; fill: var(--muted); }
svg.mesh rect { stroke-width: 1.2; }
svg.mesh .node-domain rect { fill: #ddf4ff; stroke: #54aeff; }
svg.mesh .node-product rect { fill: #dafbe1; stroke: #4ac26b; }
svg.mesh .node-consumer rect { fill: #fbefff; stroke: #c297ff; }
svg.mesh path { fill: none; stroke-width: 1.4; }
svg.mesh .edge-domain { stroke: #8c959f; }
svg.mesh .edge-contract { stroke: #0969da; }
svg.mesh .edge-unmanaged { stroke: #cf222e; stroke-dasharray: 5 4; }
svg.mesh .grant-contract rect { fill: #fff; stroke: #0969da; }
svg.mesh .grant-contract text { font-size: 12px; fill: #0550ae; }
svg.mesh .grant-unmanaged rect { fill: #ffebe9; stroke: #cf222e; stroke-dasharray: 5 4; }
svg.mesh .grant-unmanaged text { font-size: 12px; fill: #a40e26; }
.matrix-tools { display: flex; gap: 16px; align-items: center; margin: 8px 0; }
.matrix-tools input { width: 320px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
table { border-collapse: collapse; }
table.matrix { min-width: 100%; font-size: 12.5px; }
table.matrix th, table.matrix td, table.schema th, table.schema td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.matrix th { position: sticky; top: 0; background: var(--bg); white-space: nowrap; }
table.matrix th button { all: unset; cursor: pointer; font-weight: 600; }
table.matrix th[aria-sort="ascending"] button::after { content: " \\25B2"; }
table.matrix th[aria-sort="descending"] button::after { content: " \\25BC"; }
table.matrix td { white-space: nowrap; }
table.matrix td.wrap { white-space: normal; min-width: 110px; max-width: 240px; overflow-wrap: anywhere; }
tr.kind-local td { color: var(--muted); }
tr.kind-unmanaged td { background: #ffebe9; }
.findings { list-style: none; padding: 0; }
.finding { margin: 4px 0; }
.badge { display: inline-block; min-width: 58px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.severity-error .badge { background: #ffebe9; color: #a40e26; }
.severity-warning .badge { background: #fff8c5; color: #7d4e00; }
.severity-info .badge { background: #ddf4ff; color: #0550ae; }
section.contract { border-top: 1px solid var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 6px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table.schema { margin: 6px 0 12px; font-size: 12.5px; }
table.schema caption { text-align: left; font-weight: 600; padding: 4px 0; }
.classification { background: #fff1e5; border-radius: 10px; padding: 0 8px; }
.status { border-radius: 10px; padding: 0 8px; background: var(--bg); border: 1px solid var(--line); }
.status-active { background: #dafbe1; }
.status-deprecated { background: #fff8c5; }
footer { margin: 32px 0 16px; color: var(--muted); font-size: 12px; }
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var status = document.getElementById('report-status');
  var errors = [];
  function fail(message) {
    errors.push(String(message));
    status.setAttribute('data-state', 'error');
    status.textContent = 'report error: ' + errors.join(' | ');
  }
  window.addEventListener('error', function (event) {
    fail(event.message || ('failed to load ' + (event.target && (event.target.src || event.target.href) || 'a resource')));
  }, true);
  document.addEventListener('securitypolicyviolation', function (event) {
    fail('blocked ' + event.blockedURI + ' by ' + event.violatedDirective);
  });
  var consoleError = console.error;
  console.error = function () {
    fail(Array.prototype.map.call(arguments, String).join(' '));
    consoleError.apply(console, arguments);
  };

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent : '';
  }

  function setUpSorting(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      header.querySelector('button').addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.setAttribute('aria-sort', 'none'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = cellText(a, column).localeCompare(cellText(b, column), undefined, { numeric: true, sensitivity: 'base' });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function setUpFilter(table) {
    var input = document.getElementById('matrix-filter');
    var count = document.getElementById('matrix-count');
    var rows = table.tBodies[0].rows;
    input.addEventListener('input', function () {
      var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var visible = terms.every(function (term) { return text.indexOf(term) !== -1; });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + ' of ' + rows.length + ' rows';
    });
  }

  try {
    var table = document.getElementById('matrix');
    if (table) {
      setUpSorting(table);
      setUpFilter(table);
    }
    if (errors.length === 0) {
      status.setAttribute('data-state', 'ready');
      status.textContent = 'report ready: ' + (table ? table.tBodies[0].rows.length : 0) + ' rows';
    }
  } catch (error) {
    fail(error && error.message ? error.message : error);
  }
})();
`;
