/**
 * Duplicate names: domains, consumers, grants, products, contract ids, tables, columns, roles and
 * tag values. The second use is the one reported, pointing back at the first.
 */
import { MESH_CODES } from '../../lib/config/codes';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { ExampleCopy, MESH, ORDERS } from './hostile-fixture';

const REVENUE = 'contracts/sales-daily-revenue.odcs.yaml';
const without = (problem: { code: string; path: string; message: string }) => ({ code: problem.code, path: problem.path, message: problem.message });

describe('duplicates in mesh.yaml', () => {
  test('two consumers with one name: the second is reported', () => {
    const example = new ExampleCopy().replace(MESH, '  - name: finance\n', '  - name: marketing\n');
    const problems = example.problems();
    expect(problems[0]).toEqual({
      code: MESH_CODES.duplicateName,
      path: 'consumers[1].name',
      message: 'consumer "marketing" is already defined at consumers[0]; consumer names must be unique',
      location: { ...example.at(MESH, '  - name: marketing', 2), column: '  - name: '.length + 1 },
    });
    // Grants to finance now name a consumer that no longer exists, and say so.
    expect(new Set(problems.slice(1).map((problem) => problem.code))).toEqual(new Set([MESH_CODES.unknownConsumer]));
  });

  test('two domains with one name', () => {
    const example = new ExampleCopy().replace(MESH, '  - name: logistics\n', '  - name: customers\n');
    expect(example.problems().map(without)).toContainEqual({
      code: MESH_CODES.duplicateName,
      path: 'domains[2].name',
      message: 'domain "customers" is already defined at domains[1]; domain names must be unique',
    });
  });

  test('the same grant twice', () => {
    const example = new ExampleCopy().replace(MESH, '    consumer: finance\n    role: finance_reporting', '    consumer: marketing\n    role: marketing_analyst');
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.duplicateGrant,
        path: 'grants[1]',
        message: 'grant of sales.orders to marketing as role marketing_analyst repeats grants[0]; remove one (to change the purpose or expiry, edit the existing grant)',
      },
    ]);
  });

  test('one contract listed twice in a domain', () => {
    const example = new ExampleCopy().replace(MESH, '      - contracts/sales-daily-revenue.odcs.yaml\n', '      - contracts/sales-daily-revenue.odcs.yaml\n      - ./contracts/sales-orders.odcs.yaml\n');
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.duplicateProduct,
        path: 'domains[0].products[2]',
        message: 'product "orders" is already defined by contracts/sales-orders.odcs.yaml (products[0]); give this contract another dataProduct or list it only once',
      },
    ]);
  });

  test('a tag value twice, differing only in case', () => {
    const example = new ExampleCopy().replace(MESH, '[public, internal, confidential, restricted]', '[public, internal, confidential, restricted, Public]');
    expect(example.problems().map(without)).toEqual([
      { code: MESH_CODES.invalidTagValue, path: 'governance.tags.classification[4]', message: 'tag value "Public" repeats "public" (values may not differ only in case); remove one' },
    ]);
  });
});

describe('duplicates across and inside contracts', () => {
  test('two contracts of one domain with the same product', () => {
    const example = new ExampleCopy().replace(REVENUE, 'dataProduct: ', 'dataProduct: Orders\nx-was: ');
    expect(example.problems().map(without)).toContainEqual({
      code: MESH_CODES.duplicateProduct,
      path: 'domains[0].products[1]',
      message: 'product "orders" is already defined by contracts/sales-orders.odcs.yaml (products[0]); give this contract another dataProduct or list it only once',
    });
  });

  test('two contracts with the same id', () => {
    const example = new ExampleCopy().replace(REVENUE, 'id: ', 'id: 7f3c1e2a-5b4d-4c8e-9a61-0d2f8b7c4e10\nx-old-id: ');
    expect(example.problems()).toEqual([
      {
        code: MESH_CODES.duplicateContractId,
        path: 'id',
        message: `contract id "7f3c1e2a-5b4d-4c8e-9a61-0d2f8b7c4e10" is already used by ${example.path(ORDERS)}; every contract needs its own id (a UUID)`,
        location: example.at(REVENUE, '7f3c1e2a'),
      },
    ]);
  });

  test('a column twice in one table', () => {
    const example = new ExampleCopy().replace(ORDERS, '      - name: currency\n', '      - name: Country_Code\n');
    expect(example.problems().map(without)).toContainEqual({
      code: CONTRACT_CODES.duplicateColumn,
      path: 'schema[0].properties[5]',
      message: 'column "country_code" is defined twice in table "orders" (also at properties[4]); column names must be unique ignoring case, so set a distinct physicalName',
    });
  });

  test('a role twice in one contract', () => {
    const example = new ExampleCopy().replace(ORDERS, '  - role: finance_reporting', '  - role: marketing_analyst');
    expect(example.problems().map(without)).toContainEqual({
      code: CONTRACT_CODES.duplicateRole,
      path: 'roles[1].role',
      message: 'role "marketing_analyst" is defined twice (also at roles[0]); role names must be unique because grants refer to them',
    });
  });
});
