import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { auditCloudAssembly, auditStacks } from '../../lib/audit/audit';
import { formatHtml } from '../../lib/audit/format-html';
import { escapeHtml, fragmentId } from '../../lib/audit/html-escape';
import { meshGraph, renderMeshSvg } from '../../lib/audit/html-mesh';
import { columnsResource, FIXTURES, glueDatabase, glueTable, grant, grantMetadata, stack, TODAY } from './template-builders';

const report = auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY });
const html = formatHtml(report);

describe('formatHtml', () => {
  test('is one self-contained page: no external stylesheet, script, image, font or frame', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(|\bsrc=/i);
    // The only URL is the SVG namespace, which is a name, not a download.
    expect(html.match(/https?:\/\/[^"'\s<)]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  test('allows only its own inline style and script, by hash', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = (content: string) => createHash('sha256').update(content, 'utf8').digest('base64');
    expect(policy.replace(/&#39;/g, "'")).toBe(
      `default-src 'none'; style-src 'sha256-${hash(style)}'; script-src 'sha256-${hash(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  test('shows the mesh, the matrix with a filter box, the findings and a contract page per product', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="mesh"');
    expect(html).toContain('<input id="matrix-filter" type="search"');
    expect(html).toContain('<span id="matrix-count" aria-live="polite">5 of 5 rows</span>');
    expect(html.match(/<tr class="kind-/g)).toHaveLength(5);
    expect(html).toContain('<li class="finding severity-warning"><span class="badge">warning</span> <code>LMA02</code>');
    expect(html).toContain('<section class="contract" id="product-sales-orders">');
    expect(html).toContain('<output id="report-status" data-state="loading">');
  });

  test('makes every matrix header a sort button', () => {
    const headers = html.match(/<th scope="col" data-column="\d+" aria-sort="none"><button type="button">[^<]+<\/button><\/th>/g);
    expect(headers).toHaveLength(17);
  });

  test('contract pages show schema, classification, status, owner, retention and quality rules with their sources', () => {
    const page = html.slice(html.indexOf('<section class="contract"'));
    expect(page).toContain('<dt>Status</dt><dd><span class="status status-active">active</span></dd>');
    expect(page).toContain('<dt>Owner</dt><dd>sales-data@example.com</dd>');
    expect(page).toContain('<tr><td>customer_email</td><td><code>string</code></td><td><span class="classification">restricted</span></td>');
    expect(page).toContain('<tr><td>dt</td><td><code>string</code></td><td></td><td>partition key</td>');
    expect(page).toContain('(AWS::Glue::Table OrdersTableOrders in stack retail-domain-sales)');
    expect(page).toContain('Retention: under <code>orders/</code> objects expire after 365 days, overwritten versions after 7 days');
    expect(page).toContain('(lifecycle rule retention-orders of AWS::S3::Bucket DataBucket in stack retail-domain-sales)');
    expect(page).toContain('<pre>Rules = [\n  IsComplete &quot;order_id&quot;,\n  ColumnValues &quot;amount&quot; &gt;= 0\n]</pre>');
    expect(page).toContain('<ul class="consumers"><li>finance: auditor</li><li>marketing: analyst</li></ul>');
  });

  test('escapes every value taken from the templates', () => {
    const hostile = '<script>alert("x")</script>';
    const templates = auditStacks(
      [
        stack({
          Db: glueDatabase(),
          Table: glueTable('orders', ['order_id']),
          Grant: grant({
            principal: `arn:aws:iam::444444444444:role/${hostile}`,
            resource: columnsResource('orders', ['order_id']),
            metadata: grantMetadata({ purposes: [hostile], roles: [hostile], consumer: hostile }),
          }),
        }),
      ],
      { today: TODAY },
    );
    const page = formatHtml(templates);
    expect(page).not.toContain(hostile);
    expect(page).toContain(escapeHtml(hostile));
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  test('is the same for the same templates', () => {
    expect(formatHtml(auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY }))).toBe(html);
  });

  test('renders an empty mesh without failing', () => {
    const page = formatHtml(auditStacks([stack({})], { today: TODAY }));
    expect(page).toContain('<p class="empty">No data products in the templates.</p>');
    expect(page).toContain('<p class="empty">No Lake Formation grants in the templates.</p>');
    expect(page).toContain('<p class="empty">No findings.</p>');
  });
});

describe('the mesh picture', () => {
  test('links domains to products and products to consumers, labelled with the roles', () => {
    expect(meshGraph(report)).toEqual({
      domains: ['sales'],
      products: ['sales.orders'],
      consumers: ['finance', 'marketing'],
      edges: [
        { product: 'sales.orders', consumer: 'finance', roles: ['auditor'], contract: true },
        { product: 'sales.orders', consumer: 'marketing', roles: ['analyst'], contract: true },
      ],
    });
  });

  test('draws a grant without a contract to its principal', () => {
    const unmanaged = auditStacks([stack({ Db: glueDatabase(), Grant: grant({ resource: columnsResource('orders', ['order_id']) }) })], { today: TODAY });
    const graph = meshGraph(unmanaged);
    expect(graph.edges).toEqual([{ product: 'sales.orders', consumer: 'arn:aws:iam::444444444444:role/marketing-analyst', roles: [], contract: false }]);
    expect(renderMeshSvg(graph)).toContain('<g class="grant-unmanaged"><title>no contract</title>');
  });

  test('gives every edge label a row of its own, and links products to their contract page', () => {
    const svg = renderMeshSvg(meshGraph(report));
    const labelYs = [...svg.matchAll(/<g class="grant-contract"><title>[^<]*<\/title><rect x="\d+" y="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(labelYs).toHaveLength(2);
    expect(new Set(labelYs).size).toBe(2);
    expect(svg).toContain(`<a href="#${fragmentId('product', 'sales.orders')}"><g class="node-product"><title>sales.orders</title>`);
  });

  test('shortens long labels and keeps the full text as the tooltip', () => {
    const longName = `arn:aws:iam::444444444444:role/${'x'.repeat(60)}`;
    const svg = renderMeshSvg({ domains: ['d'], products: ['d.p'], consumers: [longName], edges: [{ product: 'd.p', consumer: longName, roles: ['r'], contract: true }] });
    expect(svg).toContain(`<title>${longName}</title>`);
    expect(svg).toContain(`>${longName.slice(0, 37)}…</text>`);
  });
});

describe('escapeHtml and fragmentId', () => {
  test('escape the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('make fragment ids from letters, digits and dashes', () => {
    expect(fragmentId('product', 'Sales.Daily_Revenue')).toBe('product-sales-daily-revenue');
    expect(fragmentId('product', '***')).toBe('product-x');
  });
});
