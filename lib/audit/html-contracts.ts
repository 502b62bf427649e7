/**
 * The contract pages of the HTML report: one section per data product with what the templates say
 * of its contract: id, version, status and owner, the schema of every table, who consumes it under
 * which roles, the Data Quality rules and the retention SLA. Each section says which template
 * resource a fact was read from, because the contract file itself is not part of the assembly.
 */
import { escapeHtml, fragmentId } from './html-escape';
import { AuditRow, CatalogTable, ProductEntry, QualityRuleset, RetentionRule } from './model';

export function renderContracts(products: readonly ProductEntry[], rows: readonly AuditRow[]): string {
  if (products.length === 0) return '<p class="empty">No data products in the templates.</p>';
  const rowsByProduct = new Map<string, AuditRow[]>();
  for (const row of rows) {
    if (row.product === null) continue;
    const group = rowsByProduct.get(row.product);
    if (group) group.push(row);
    else rowsByProduct.set(row.product, [row]);
  }
  return products.map((product) => renderProduct(product, rowsByProduct.get(product.product) ?? [])).join('\n');
}

/** `rows`: the rows of this product. */
function renderProduct(product: ProductEntry, rows: readonly AuditRow[]): string {
  const facts: [string, string][] = [
    ['Domain', escapeHtml(product.domain)],
    ['Contract', listOrNone(product.contractIds)],
    ['Version', listOrNone(product.contractVersions)],
    ['Status', product.statuses.length === 0 ? none() : product.statuses.map(statusBadge).join(' ')],
    ['Owner', listOrNone(product.owners)],
    ['Catalogued in', listOrNone(product.catalogs)],
  ];
  return [
    `<section class="contract" id="${escapeHtml(fragmentId('product', product.product))}">`,
    `<h3>${escapeHtml(product.product)}</h3>`,
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '<p class="source">Contract id, version, status and owner come from the <code>lakemesh.*</code> parameters of the Glue tables and the <code>lakemesh:product</code> metadata of the Glue databases.</p>',
    '<h4>Consumers</h4>',
    renderConsumers(rows),
    '<h4>Schema</h4>',
    product.tables.length === 0 ? '<p class="empty">No Glue table of this product in the templates.</p>' : product.tables.map(renderTable).join('\n'),
    '<h4>Service levels</h4>',
    renderRetention(product.retention),
    '<h4>Quality rules</h4>',
    renderQuality(product.quality),
    '</section>',
  ].join('\n');
}

function renderConsumers(rows: readonly AuditRow[]): string {
  const grants = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind !== 'contract') continue;
    const consumer = row.consumer ?? row.principal;
    const roles = grants.get(consumer) ?? new Set<string>();
    for (const role of (row.role ?? '').split('; ')) if (role !== '') roles.add(role);
    grants.set(consumer, roles);
  }
  if (grants.size === 0) return '<p class="empty">No contract grants.</p>';
  const items = [...grants.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([consumer, roles]) => `<li>${escapeHtml(consumer)}: ${escapeHtml([...roles].sort().join(', ') || '(no role)')}</li>`);
  return `<ul class="consumers">${items.join('')}</ul>`;
}

function renderTable(table: CatalogTable): string {
  const rows = table.columns.map(
    (column) =>
      `<tr><td>${escapeHtml(column.name)}</td><td><code>${escapeHtml(column.type)}</code></td>` +
      `<td>${column.classification === null ? '' : `<span class="classification">${escapeHtml(column.classification)}</span>`}</td>` +
      `<td>${column.partitionKey ? 'partition key' : ''}</td><td>${escapeHtml(column.comment ?? '')}</td></tr>`,
  );
  return [
    `<table class="schema"><caption>${escapeHtml(`${table.database}.${table.name}`)} <span class="source">(AWS::Glue::Table ${escapeHtml(table.logicalId)} in stack ${escapeHtml(table.stack)})</span></caption>`,
    '<thead><tr><th>Column</th><th>Type</th><th>Classification</th><th>Key</th><th>Description</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

function renderRetention(rules: readonly RetentionRule[]): string {
  const source =
    '<p class="source">The contract\'s retention SLA becomes an S3 lifecycle rule <code>retention-&lt;product&gt;</code> on the domain bucket; a latency or freshness SLA becomes a freshness rule in the quality ruleset below. Other SLA properties are not in the templates.</p>';
  if (rules.length === 0) return `<p class="empty">No retention rule in the templates.</p>\n${source}`;
  const items = rules.map((rule) => {
    const expiry = rule.expirationDays === null ? 'objects do not expire' : `objects expire after ${rule.expirationDays} days`;
    const noncurrent = rule.noncurrentVersionExpirationDays === null ? '' : `, overwritten versions after ${rule.noncurrentVersionExpirationDays} days`;
    return (
      `<li>Retention: under <code>${escapeHtml(rule.prefix ?? '(whole bucket)')}</code> ${escapeHtml(expiry + noncurrent)} ` +
      `<span class="source">(lifecycle rule ${escapeHtml(rule.ruleId)} of AWS::S3::Bucket ${escapeHtml(rule.logicalId)} in stack ${escapeHtml(rule.stack)})</span></li>`
    );
  });
  return `<ul>${items.join('')}</ul>\n${source}`;
}

function renderQuality(rulesets: readonly QualityRuleset[]): string {
  if (rulesets.length === 0) return '<p class="empty">No Glue Data Quality ruleset in the templates.</p>';
  return rulesets
    .map(
      (ruleset) =>
        `<figure class="ruleset"><figcaption>Table ${escapeHtml(ruleset.table)} <span class="source">(AWS::Glue::DataQualityRuleset ${escapeHtml(ruleset.logicalId)}${ruleset.name === null ? '' : ` "${escapeHtml(ruleset.name)}"`} in stack ${escapeHtml(ruleset.stack)}, compiled from the contract's quality rules)</span></figcaption>` +
        `<pre>${escapeHtml(ruleset.ruleset)}</pre></figure>`,
    )
    .join('\n');
}

function statusBadge(status: string): string {
  return `<span class="status status-${escapeHtml(fragmentId('s', status).slice(2))}">${escapeHtml(status)}</span>`;
}

function listOrNone(values: readonly string[]): string {
  return values.length === 0 ? none() : values.map(escapeHtml).join(', ');
}

function none(): string {
  return '<span class="empty">not in the templates</span>';
}
