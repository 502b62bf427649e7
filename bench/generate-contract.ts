/**
 * One synthetic ODCS v3.1.0 contract (a data product) for the benchmark mesh: 1–3 tables of 5–30
 * columns with mixed classifications, some partitioned, some with array columns, and 1–3 roles
 * mixing column exclusions, row filters and restricted-column inclusions.
 */
import { SeededRandom } from './random';

/** Column templates the tables draw from: name, ODCS logical type, Glue physical type. */
const ATTRIBUTES: readonly (readonly [string, string, string])[] = [
  ['status', 'string', 'string'], ['channel', 'string', 'string'], ['currency', 'string', 'string'],
  ['quantity', 'integer', 'int'], ['unit_price', 'number', 'decimal(12,2)'], ['net_amount', 'number', 'decimal(12,2)'],
  ['gross_amount', 'number', 'decimal(12,2)'], ['tax_amount', 'number', 'decimal(12,2)'], ['discount_rate', 'number', 'double'],
  ['created_at', 'timestamp', 'timestamp'], ['closed_at', 'timestamp', 'timestamp'], ['valid_from', 'date', 'date'],
  ['valid_to', 'date', 'date'], ['is_active', 'boolean', 'boolean'], ['is_test', 'boolean', 'boolean'],
  ['customer_ref', 'string', 'string'], ['account_ref', 'string', 'string'], ['store_code', 'string', 'string'],
  ['sku', 'string', 'string'], ['category', 'string', 'string'], ['segment', 'string', 'string'],
  ['score', 'number', 'double'], ['rank', 'integer', 'int'], ['event_count', 'integer', 'bigint'],
  ['duration_ms', 'integer', 'bigint'], ['weight_kg', 'number', 'double'], ['postal_code', 'string', 'string'],
  ['city', 'string', 'string'], ['email', 'string', 'string'], ['phone', 'string', 'string'],
  ['iban', 'string', 'string'], ['birth_date', 'date', 'date'], ['ip_address', 'string', 'string'],
  ['device_id', 'string', 'string'], ['labels', 'array', 'array<string>'], ['attributes', 'array', 'array<string>'],
  ['source_system', 'string', 'string'], ['batch_id', 'string', 'string'], ['version_no', 'integer', 'int'],
];

/** Weighted classification draw: mostly internal, a few restricted. */
const CLASSIFICATION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['public', 0.2], ['internal', 0.45], ['confidential', 0.25], ['restricted', 0.1],
];

const ENTITIES = ['orders', 'events', 'accounts', 'items', 'sessions', 'payments', 'shipments', 'stock', 'visits', 'claims'];
const ROW_FILTER = "country_code IN ('DE', 'AT', 'CH')";
/** Columns every table has: a key, the row filter's column and the freshness column. */
const FIXED_COLUMNS = 3;
const MIN_COLUMNS = 5;
const MAX_COLUMNS = 30;
const PARTITIONED_SHARE = 0.4;

export interface ContractSpec {
  readonly domain: string;
  /** 1-based product number, unique in the mesh (contract ids and descriptions carry it). */
  readonly productNumber: number;
  /**
   * The number in the product's name (`Product 00001`, slug `product_00001`): unique in its domain,
   * repeated across domains as real ones repeat `orders` or `customers`.
   * @default productNumber
   */
  readonly nameNumber?: number;
}

export interface GeneratedContract {
  readonly dataProduct: string;
  /** The product slug loadMesh derives from `dataProduct`. */
  readonly slug: string;
  readonly roles: readonly string[];
  readonly document: Record<string, unknown>;
}

export function generateContract(random: SeededRandom, spec: ContractSpec): GeneratedContract {
  const number = String(spec.productNumber).padStart(5, '0');
  const name = String(spec.nameNumber ?? spec.productNumber).padStart(5, '0');
  const dataProduct = `Product ${name}`;
  const entities = random.sample(ENTITIES, random.int(1, 3));
  const tables = entities.map((entity) => generateTable(random, entity));
  const roles = generateRoles(random, tables);
  const document: Record<string, unknown> = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    // Random hex, with the product number as the tail so ids are unique whatever the draw.
    id: `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${number.padStart(12, '0')}`,
    name: `${spec.domain} product ${number}`,
    version: `${random.int(1, 4)}.${random.int(0, 9)}.0`,
    status: 'active',
    domain: spec.domain,
    dataProduct,
    description: { purpose: `Synthetic benchmark product ${number} of domain ${spec.domain}.` },
    schema: tables.map((table) => table.document),
    roles: roles.map((role) => role.document),
    slaProperties: [
      { property: 'retention', value: random.pick([30, 90, 365, 730]), unit: 'd' },
      { property: 'latency', value: random.pick([1, 4, 24]), unit: 'h', element: `${tables[0].name}.updated_at` },
    ],
  };
  return { dataProduct, slug: `product_${name}`, roles: roles.map((role) => role.name), document };
}

interface GeneratedColumn {
  readonly name: string;
  readonly logicalType: string;
  readonly classification: string;
}

interface GeneratedTable {
  readonly name: string;
  readonly columns: readonly GeneratedColumn[];
  readonly document: Record<string, unknown>;
}

function generateTable(random: SeededRandom, entity: string): GeneratedTable {
  const total = random.int(MIN_COLUMNS, MAX_COLUMNS);
  const partitioned = random.chance(PARTITIONED_SHARE);
  const free = total - FIXED_COLUMNS - (partitioned ? 1 : 0);
  const key = `${entity.replace(/s$/, '')}_id`;
  const properties: Record<string, unknown>[] = [
    { name: key, logicalType: 'string', physicalType: 'string', primaryKey: true, primaryKeyPosition: 1, required: true, unique: true, classification: 'internal' },
    { name: 'country_code', logicalType: 'string', physicalType: 'string', required: true, classification: 'internal' },
    { name: 'updated_at', logicalType: 'timestamp', physicalType: 'timestamp', required: true, classification: 'internal' },
  ];
  for (const [name, logicalType, physicalType] of random.sample(ATTRIBUTES, free)) {
    properties.push({ name, logicalType, physicalType, classification: weightedClassification(random) });
  }
  if (partitioned) {
    properties.push({ name: 'event_date', logicalType: 'date', physicalType: 'date', required: true, partitioned: true, partitionKeyPosition: 1, classification: 'internal' });
  }
  const document: Record<string, unknown> = {
    name: entity,
    physicalType: 'table',
    description: `Synthetic ${entity} table.`,
    properties,
  };
  if (random.chance(0.5)) {
    document.quality = [{ type: 'library', metric: 'rowCount', mustBeGreaterThan: 0, dimension: 'completeness' }];
  }
  return {
    name: entity,
    columns: properties.map((p) => ({ name: p.name as string, logicalType: p.logicalType as string, classification: p.classification as string })),
    document,
  };
}

function weightedClassification(random: SeededRandom): string {
  let draw = random.next();
  for (const [value, weight] of CLASSIFICATION_WEIGHTS) {
    if (draw < weight) return value;
    draw -= weight;
  }
  return CLASSIFICATION_WEIGHTS[0][0];
}

type RoleKind = 'reader' | 'analyst' | 'regional' | 'steward';
const ROLE_KINDS: readonly RoleKind[] = ['reader', 'analyst', 'regional', 'steward'];

interface GeneratedRole {
  readonly name: string;
  readonly document: Record<string, unknown>;
}

/**
 * 1–3 distinct roles: `reader` (every non-restricted column), `analyst` (excludes 1–2 columns),
 * `regional` (row filter on country_code, which every table has and which is never nested),
 * `steward` (includes a restricted column; only offered when the contract has one).
 */
function generateRoles(random: SeededRandom, tables: readonly GeneratedTable[]): GeneratedRole[] {
  const columns = tables.flatMap((table) => table.columns.map((column) => ({ table: table.name, ...column })));
  const restricted = columns.filter((column) => column.classification === 'restricted');
  const excludable = columns.filter((column) => column.classification === 'confidential' || column.classification === 'public');
  const kinds = ROLE_KINDS.filter((kind) => (kind !== 'steward' || restricted.length > 0) && (kind !== 'analyst' || excludable.length > 0));
  return random.sample(kinds, random.int(1, Math.min(3, kinds.length))).map((kind): GeneratedRole => {
    const document: Record<string, unknown> = { role: kind, access: 'read', description: `Synthetic ${kind} role.` };
    if (kind === 'analyst') {
      const excluded = random.sample(excludable, Math.min(excludable.length, random.int(1, 2)));
      document.customProperties = [{ property: 'lakemesh.excludeColumns', value: excluded.map((c) => `${c.table}.${c.name}`) }];
    } else if (kind === 'regional') {
      document.customProperties = [{ property: 'lakemesh.rowFilter', value: ROW_FILTER }];
    } else if (kind === 'steward') {
      const included = random.pick(restricted);
      document.customProperties = [{ property: 'lakemesh.includeColumns', value: [`${included.table}.${included.name}`] }];
    }
    return { name: kind, document };
  });
}
