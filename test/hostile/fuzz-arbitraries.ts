/**
 * fast-check generators of hostile input for the parsers: raw bytes, text built from YAML tokens
 * and the keys lakemesh reads, and JSON-like documents shaped like contracts and meshes.
 */
import * as fc from 'fast-check';

/** Keys of mesh.yaml and ODCS contracts, so generated documents reach past the first checks. */
export const KNOWN_KEYS = [
  'apiVersion', 'kind', 'id', 'name', 'version', 'status', 'domain', 'dataProduct', 'description', 'purpose', 'team', 'members',
  'username', 'role', 'roles', 'access', 'customProperties', 'property', 'value', 'schema', 'properties', 'physicalType',
  'physicalName', 'logicalType', 'logicalTypeOptions', 'required', 'unique', 'primaryKey', 'primaryKeyPosition', 'partitioned',
  'partitionKeyPosition', 'classification', 'quality', 'type', 'metric', 'rule', 'mustBe', 'mustBeBetween', 'arguments',
  'validValues', 'query', 'slaProperties', 'unit', 'element', 'servers', 'server', 'format', 'items', 'region', 'governance',
  'account', 'sharing', 'organization', 'crossAccountVersion', 'admins', 'tags', 'domains', 'owner', 'producers', 'products',
  'consumers', 'principals', 'grants', 'product', 'consumer', 'requestedBy', 'approvedBy', 'expires', '__proto__', 'constructor',
];

const SCALARS = [
  'v3.1.0', 'v3.0.2', 'v2.2.0', 'lakemesh/v1', 'DataContract', 'Mesh', 'active', 'retired', 'Draft', 'deprecated', 'table', 'read',
  'write', 'string', 'integer', 'decimal(38,2)', 'array<string>', 'map<string,int>', 'struct<a:int>', 'library', 'sql', 'rowCount',
  'lakemesh.rowFilter', 'lakemesh.excludeColumns', 'lakemesh.includeColumns', 'lakemesh.other', 'latency', 'retention', 'd', 'h',
  'orders', 'orders.order_id', '"111111111111"', '111111111111', 'eu-west-1', 'central-catalog', 'restricted', 'a@example.com',
  'arn:aws:iam::111111111111:role/x', 'arn:aws:iam::*:role/x', 'sales.orders', '2027-06-30', '2020-01-01', '2027-02-30',
  "country = 'DE'", "'; DROP TABLE x; --", '</script>', '~', 'null', '.nan', '.inf', '-.inf', '0x1F', '0o17', '1e309', '-0', 'true',
  'yes', '""', "''", '{}', '[]', '${table}', '\u202e', '\u0007', '\ud83d\udce6',
];

const STRUCTURE = [
  '\n', '\n', '\n', '  ', '  ', '    ', '- ', ': ', ':', '[', ']', '{', '}', ', ', '"', "'", '&a ', '*a', '&b ', '*b', '!!str ',
  '!!binary ', '!!timestamp ', '!!map ', '!custom ', '? ', '|\n', '>\n', '# comment', '---\n', '...\n', '\t', '\r\n', '<<: ', '%YAML 1.2\n',
];

/** Raw bytes: mostly not UTF-8, sometimes text with NULs. */
export const randomBytes = fc.uint8Array({ maxLength: 2048 });

/** Text assembled from YAML syntax, known keys and tricky scalars, plus arbitrary strings. */
export const yamlishText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...STRUCTURE) },
      { weight: 3, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
      { weight: 3, arbitrary: fc.constantFrom(...SCALARS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

const scalarValue = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** JSON-like documents whose keys are mostly ones lakemesh reads, nested a few levels. */
export const documentValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarValue,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), tie('value'), {
      maxKeys: 6,
    }),
  ),
})).value;

/** A document with a valid-looking header, so the checks behind the header run. */
export function withHeader(header: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...KNOWN_KEYS), documentValue, { maxKeys: 8 }).map((rest) => ({ ...header, ...rest }));
}

export const CONTRACT_HEADER = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'fuzz', version: '1.0.0', status: 'active' };
export const MESH_HEADER = { apiVersion: 'lakemesh/v1', kind: 'Mesh', name: 'fuzz', region: 'eu-west-1' };
