/**
 * Dangling references: every name that points somewhere (a grant's product, consumer and role; a
 * domain's contract file; a role's columns and row-filter tables; a column's classification; the
 * freshness SLA's column) is resolved, and a miss names what exists, with a "did you mean" hint.
 */
import { MESH_CODES } from '../../lib/config/codes';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { loadContract } from '../../lib/contract/load-contract';
import { compileRuleset } from '../../lib/quality/compile-ruleset';
import { QualitySkipCode } from '../../lib/quality/types';
import { ExampleCopy, MESH, ORDERS } from './hostile-fixture';

describe('references from grants', () => {
  test.each([
    ['a misspelt product', '  - product: sales.daily_revenue', '  - product: sales.daily_revenu', 'grants[2].product', MESH_CODES.unknownProduct, 'unknown product "sales.daily_revenu"; did you mean "sales.daily_revenue"?', 'sales.daily_revenu'],
    ['a product of an unknown domain', '  - product: sales.daily_revenue', '  - product: salez.daily_revenue', 'grants[2].product', MESH_CODES.unknownProduct, 'unknown product "salez.daily_revenue"; did you mean "sales.daily_revenue"?', 'salez.daily_revenue'],
    [
      'a product without its domain',
      '  - product: sales.daily_revenue',
      '  - product: daily_revenue',
      'grants[2].product',
      MESH_CODES.unknownProduct,
      'product must be written <domain>.<product>, got "daily_revenue"; known products: customers.profiles, customers.segments, logistics.shipments, sales.daily_revenue, sales.orders',
      'daily_revenue',
    ],
    ['an unknown consumer', '    consumer: marketing\n    role: segmentation', '    consumer: marketeers\n    role: segmentation', 'grants[3].consumer', MESH_CODES.unknownConsumer, 'unknown consumer "marketeers"; declare it under consumers (known consumers: finance, marketing)', 'marketeers'],
    ['a role the contract does not offer', '    role: cost_analyst', '    role: cost_analysts', 'grants[6].role', MESH_CODES.unknownRole, 'role "cost_analysts" is not a role of the logistics.shipments contract (it offers cost_analyst); did you mean "cost_analyst"?', 'cost_analysts'],
  ])('%s', (_name, from, to, path, code, message, needle) => {
    const example = new ExampleCopy().replace(MESH, from, to);
    expect(example.problems()).toEqual([{ code, path, message, location: example.at(MESH, needle) }]);
  });
});

describe('references to files', () => {
  test('a contract path that does not exist', () => {
    const example = new ExampleCopy().replace(MESH, 'contracts/customers-segments.odcs.yaml', 'contracts/customer-segments.odcs.yaml');
    expect(example.problems()).toEqual([
      {
        code: MESH_CODES.contractNotFound,
        path: 'domains[1].products[1]',
        message: `contract file "contracts/customer-segments.odcs.yaml" not found (looked for ${example.path('contracts/customer-segments.odcs.yaml')}); paths are relative to mesh.yaml`,
        location: example.at(MESH, 'contracts/customer-segments.odcs.yaml'),
      },
    ]);
  });
});

describe('references inside a contract', () => {
  test('an excluded column that does not exist', () => {
    const example = new ExampleCopy().replace(ORDERS, 'value: [customer_id, payment_method]', 'value: [customer_id, payment_methd]');
    expect(example.problems()).toEqual([
      {
        code: CONTRACT_CODES.unknownColumn,
        path: 'roles[0].customProperties[0].value[1]',
        message: 'lakemesh.excludeColumns names column "payment_methd", which no table in this contract has; did you mean "payment_method"?',
        location: example.at(ORDERS, 'payment_methd'),
      },
    ]);
  });

  test('a row filter keyed by a table that does not exist', () => {
    const example = new ExampleCopy().replace(ORDERS, `value: "country_code IN ('DE', 'AT', 'CH')"`, 'value: {order: "country_code = \'DE\'"}');
    expect(example.problems()).toEqual([
      {
        code: CONTRACT_CODES.unknownRowFilterTable,
        path: 'roles[0].customProperties[1].value.order',
        message: 'lakemesh.rowFilter names table "order", which this contract does not define; did you mean "orders"?',
        location: example.at(ORDERS, 'order:'),
      },
    ]);
  });

  test('a classification outside the mesh ontology', () => {
    const example = new ExampleCopy().replace(ORDERS, 'classification: confidential', 'classification: secret');
    expect(example.problems()).toEqual([
      {
        code: MESH_CODES.unknownClassification,
        path: 'schema[0].properties[1].classification',
        message:
          "classification \"secret\" of column orders.customer_id is not in the mesh's ontology (public, internal, confidential, restricted); use one of those or add it to governance.tags.classification",
        location: example.at(ORDERS, 'secret'),
      },
    ]);
  });

  test('a freshness SLA naming a column that does not exist compiles to no rule, with a warning that says why', () => {
    // Not an error: the contract is still deployable, only the freshness check is lost.
    const example = new ExampleCopy().replace(ORDERS, 'element: orders.ordered_at', 'element: orders.orderd_at');
    const contract = loadContract(example.path(ORDERS));
    const ruleset = compileRuleset(contract.tables[0], contract.sla);
    expect(ruleset.rules.some((rule) => rule.includes('orderd_at') || rule.startsWith('DataFreshness'))).toBe(false);
    expect(ruleset.skipped.filter((skipped) => skipped.code === QualitySkipCode.freshnessUnknownColumn).map((skipped) => skipped.reason)).toEqual([
      'the freshness sla element "orders.orderd_at" names no column of table orders; name one of its date or timestamp properties',
    ]);
  });
});
