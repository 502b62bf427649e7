/**
 * The picture of the mesh as inline SVG: domains → products → consumers, each consumer edge
 * labelled with the contract roles it was granted through. The layout is computed here, in columns
 * sorted by name, so the same templates always draw the same picture; each edge label gets a row
 * of its own in a column between products and consumers, so labels never overlap. Grants without a
 * contract (kind `unmanaged`) are drawn to their principal with a dashed red edge.
 */
import { escapeHtml, fragmentId } from './html-escape';
import { AuditReport } from './model';

const NODE_HEIGHT = 30;
const PILL_HEIGHT = 20;
const PITCH = 40;
const TOP = 40;
const COLUMNS = {
  domain: { x: 20, width: 150 },
  product: { x: 240, width: 220 },
  grant: { x: 540, width: 170 },
  consumer: { x: 790, width: 290 },
} as const;
const WIDTH = COLUMNS.consumer.x + COLUMNS.consumer.width + 20;
/** Longest label drawn in full; longer ones are shortened with an ellipsis (the full text is the tooltip). */
const MAX_LABEL = 38;
const MAX_PILL_LABEL = 26;

interface MeshEdge {
  readonly product: string;
  readonly consumer: string;
  readonly roles: readonly string[];
  readonly contract: boolean;
}

export interface MeshGraph {
  readonly domains: readonly string[];
  readonly products: readonly string[];
  readonly consumers: readonly string[];
  readonly edges: readonly MeshEdge[];
}

/** Domains, products and consumers of the report, each sorted, and the labelled edges between them. */
export function meshGraph(report: Pick<AuditReport, 'rows' | 'products'>): MeshGraph {
  const products = new Set(report.products.map((entry) => entry.product));
  const edges = new Map<string, { product: string; consumer: string; roles: Set<string>; contract: boolean }>();
  for (const row of report.rows) {
    if (row.product === null || row.kind === 'local') continue;
    products.add(row.product);
    const contract = row.kind === 'contract';
    const consumer = contract ? (row.consumer ?? row.principal) : row.principal;
    const key = JSON.stringify([row.product, consumer, contract]);
    const edge = edges.get(key) ?? { product: row.product, consumer, roles: new Set<string>(), contract };
    for (const role of (row.role ?? '').split('; ')) if (role !== '') edge.roles.add(role);
    edges.set(key, edge);
  }
  const sortedProducts = [...products].sort();
  return {
    domains: [...new Set(sortedProducts.map(domainOf))].sort(),
    products: sortedProducts,
    consumers: [...new Set([...edges.values()].map((edge) => edge.consumer))].sort(),
    edges: [...edges.values()]
      .map((edge) => ({ ...edge, roles: [...edge.roles].sort() }))
      .sort((a, b) => compare(a.product, b.product) || compare(a.consumer, b.consumer)),
  };
}

export function renderMeshSvg(graph: MeshGraph): string {
  if (graph.products.length === 0) return '<p class="empty">No data products in the templates.</p>';
  const rows = Math.max(graph.products.length, graph.consumers.length, graph.domains.length, graph.edges.length);
  const height = TOP + rows * PITCH + 10;
  const productY = spread(graph.products, rows);
  const consumerY = spread(graph.consumers, rows);
  const edgeY = spread(graph.edges.map((_, index) => String(index)), rows);
  const domainY = new Map(
    graph.domains.map((domain) => {
      const ys = graph.products.filter((product) => domainOf(product) === domain).map((product) => productY.get(product) ?? 0);
      return [domain, round(ys.reduce((sum, y) => sum + y, 0) / ys.length)];
    }),
  );
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mesh" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="data mesh: domains, products and consumers">`,
    heading(COLUMNS.domain.x, 'Domains'),
    heading(COLUMNS.product.x, 'Products'),
    heading(COLUMNS.grant.x, 'Grants (contract roles)'),
    heading(COLUMNS.consumer.x, 'Consumers'),
  ];
  for (const product of graph.products) {
    parts.push(edge(COLUMNS.domain, domainY.get(domainOf(product)) ?? 0, COLUMNS.product, productY.get(product) ?? 0, 'edge-domain'));
  }
  graph.edges.forEach((link, index) => {
    const y = edgeY.get(String(index)) ?? 0;
    const className = link.contract ? 'edge-contract' : 'edge-unmanaged';
    const label = link.contract ? link.roles.join(', ') || '(no role)' : 'no contract';
    parts.push(edge(COLUMNS.product, productY.get(link.product) ?? 0, COLUMNS.grant, y, className));
    parts.push(edge(COLUMNS.grant, y, COLUMNS.consumer, consumerY.get(link.consumer) ?? 0, className));
    parts.push(pill(y, label, link.contract ? 'grant-contract' : 'grant-unmanaged'));
  });
  for (const domain of graph.domains) parts.push(node(COLUMNS.domain, domainY.get(domain) ?? 0, domain, 'node-domain'));
  for (const product of graph.products) {
    const box = node(COLUMNS.product, productY.get(product) ?? 0, product, 'node-product');
    parts.push(`<a href="#${escapeHtml(fragmentId('product', product))}">${box}</a>`);
  }
  for (const consumer of graph.consumers) parts.push(node(COLUMNS.consumer, consumerY.get(consumer) ?? 0, consumer, 'node-consumer'));
  parts.push('</svg>');
  return parts.join('\n');
}

/** The edge label: the roles of one (product, consumer) pair, in its own row so labels never overlap. */
function pill(centreY: number, label: string, className: string): string {
  const { x, width } = COLUMNS.grant;
  const shown = label.length > MAX_PILL_LABEL ? `${label.slice(0, MAX_PILL_LABEL - 1)}…` : label;
  return (
    `<g class="${className}"><title>${escapeHtml(label)}</title>` +
    `<rect x="${x}" y="${round(centreY - PILL_HEIGHT / 2)}" width="${width}" height="${PILL_HEIGHT}" rx="${PILL_HEIGHT / 2}"/>` +
    `<text x="${x + width / 2}" y="${round(centreY + 4)}" text-anchor="middle">${escapeHtml(shown)}</text></g>`
  );
}

/** Centre y of each name, the names centred vertically within `rows` slots. */
function spread(names: readonly string[], rows: number): Map<string, number> {
  const offset = ((rows - names.length) * PITCH) / 2;
  return new Map(names.map((name, index) => [name, round(TOP + offset + index * PITCH + NODE_HEIGHT / 2)]));
}

function heading(x: number, text: string): string {
  return `<text class="column-heading" x="${x}" y="20">${text}</text>`;
}

function node(column: { x: number; width: number }, centreY: number, label: string, className: string): string {
  const y = round(centreY - NODE_HEIGHT / 2);
  const shown = label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
  return (
    `<g class="${className}"><title>${escapeHtml(label)}</title>` +
    `<rect x="${column.x}" y="${y}" width="${column.width}" height="${NODE_HEIGHT}" rx="6"/>` +
    `<text x="${column.x + 10}" y="${round(centreY + 5)}">${escapeHtml(shown)}</text></g>`
  );
}

function edge(from: { x: number; width: number }, fromY: number, to: { x: number }, toY: number, className: string): string {
  const x1 = from.x + from.width;
  const x2 = to.x;
  const middle = (x1 + x2) / 2;
  return `<path class="${className}" d="M${x1},${fromY} C${middle},${fromY} ${middle},${toY} ${x2},${toY}"/>`;
}

function domainOf(product: string): string {
  const dot = product.indexOf('.');
  return dot === -1 ? product : product.slice(0, dot);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
