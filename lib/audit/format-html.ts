/**
 * `--format html`: one self-contained page (inline style, script and SVG; nothing fetched when it
 * is viewed) with the picture of the mesh, the sortable and filterable access matrix, the findings
 * and a contract page per product. Its Content-Security-Policy allows only its own inline style
 * and script (by hash), so the page cannot load anything even if a value slipped past escaping.
 */
import { createHash } from 'node:crypto';
import { REPORT_SCRIPT, REPORT_STYLE } from './html-assets';
import { renderContracts } from './html-contracts';
import { escapeHtml } from './html-escape';
import { renderFindings, renderMatrix } from './html-matrix';
import { meshGraph, renderMeshSvg } from './html-mesh';
import { AuditReport, SEVERITIES } from './model';

export function formatHtml(report: AuditReport): string {
  const policy = [
    "default-src 'none'",
    `style-src '${sha256(REPORT_STYLE)}'`,
    `script-src '${sha256(REPORT_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const counts = SEVERITIES.map((severity) => {
    const count = report.findings.filter((finding) => finding.severity === severity).length;
    return `<span class="severity-${severity}">${countOf(count, severity)}</span>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lakemesh audit</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>lakemesh audit</h1>
<p>Read from the synthesized templates of ${escapeHtml(report.stacks.join(', ') || 'no stacks')}; expiry judged on ${escapeHtml(report.today)}.</p>
<nav><a href="#mesh">Mesh</a><a href="#access">Access matrix</a><a href="#findings">Findings</a><a href="#contracts">Contracts</a></nav>
</header>
<main>
<div class="summary"><span>${countOf(report.rows.length, 'row')}</span><span>${countOf(report.products.length, 'product')}</span>${counts.join('')}</div>
<h2 id="mesh">Mesh</h2>
<p class="source">Domains → data products → consumers; consumer edges are labelled with the contract roles granted. A dashed red edge is a grant without a contract.</p>
<div class="mesh-scroll">
${renderMeshSvg(meshGraph(report))}
</div>
<h2 id="access">Access matrix</h2>
<p class="source">One row per product, table and principal, read from the AWS::LakeFormation::PrincipalPermissions resources. Click a header to sort; type to filter.</p>
${renderMatrix(report.rows)}
<h2 id="findings">Findings</h2>
${renderFindings(report.findings)}
<h2 id="contracts">Contracts</h2>
${renderContracts(report.products, report.rows)}
</main>
<footer><output id="report-status" data-state="loading">report loading</output></footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A CSP source expression for inline content. */
function sha256(content: string): string {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}
