/** `buildContractLock`: what a lock records for a mesh. */
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { fingerprint } from '../../lib/contract/fingerprint';
import { buildContractLock } from '../../lib/lock/build-lock';
import { LEVELS_CONTRACT, MeshFixture, ORDERS_CONTRACT, problemsOf } from '../config/mesh-fixture';
import { ORDERS, version } from './lock-fixture';

describe('buildContractLock', () => {
  test('records each product with its contract id, version, fingerprint, file (relative to the mesh) and document, and the grants', () => {
    const fixture = new MeshFixture();
    const mesh = fixture.load();
    const lock = buildContractLock(mesh);
    const orders = mesh.domains[0].products[0].contract;
    expect(lock).toEqual({
      lockVersion: 1,
      mesh: 'shop',
      products: {
        'sales.orders': { contractId: 'orders-contract', version: '1.0.0', fingerprint: orders.fingerprint, file: 'contracts/orders.odcs.yaml', contract: parse(ORDERS_CONTRACT) },
        'stock.levels': {
          contractId: 'levels-contract',
          version: '1.0.0',
          fingerprint: fingerprint(parse(LEVELS_CONTRACT)),
          file: 'contracts/levels.odcs.yaml',
          contract: parse(LEVELS_CONTRACT),
        },
      },
      grants: [{ product: 'sales.orders', consumer: 'marketing', role: 'analyst' }],
    });
    expect(fingerprint(lock.products['sales.orders'].contract)).toBe(lock.products['sales.orders'].fingerprint);
  });

  test('refuses a contract version that is not a semantic version, at the version field (LM500)', () => {
    const fixture = MeshFixture.edited({ [ORDERS]: version('"2024-06"') });
    expect(problemsOf(() => buildContractLock(fixture.load()))).toEqual([
      {
        code: 'LM500',
        path: 'version',
        message:
          'version "2024-06" of contract "orders-contract" is not a semantic version; write MAJOR.MINOR.PATCH, e.g. "1.2.0" (a leading v and a pre-release such as "2.0.0-rc.1" are allowed), so that breaking changes can be checked against the major version',
        location: fixture.at(ORDERS, '"2024-06"'),
      },
    ]);
  });

  test('refuses a contract file that changed after the mesh was loaded (LM530)', () => {
    const fixture = new MeshFixture();
    const mesh = fixture.load();
    fixture.write(ORDERS, version('1.0.1')(ORDERS_CONTRACT));
    expect(problemsOf(() => buildContractLock(mesh))).toEqual([
      {
        code: 'LM530',
        path: '',
        message: 'sales.orders: the contract file changed while the lock was being written; run `lakemesh lock` again',
        location: { file: fixture.path(ORDERS), line: 1, column: 1 },
      },
    ]);
  });

  test('reports a contract file that disappeared after the mesh was loaded', () => {
    const fixture = new MeshFixture();
    const mesh = fixture.load();
    fs.rmSync(fixture.path(ORDERS));
    expect(problemsOf(() => buildContractLock(mesh)).map((problem) => problem.code)).toEqual(['LM001']);
  });
});
