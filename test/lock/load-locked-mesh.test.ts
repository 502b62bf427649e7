/** `loadLockedMesh`: the mesh with its lock, and the grants a deprecated product keeps. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MeshApp } from '../../lib/app/mesh-app';
import { MESH_CODES } from '../../lib/config/codes';
import { loadLockedMesh } from '../../lib/lock/load-locked-mesh';
import { MeshFixture, problemsOf, TODAY } from '../config/mesh-fixture';
import { edit, LOCK, lockedFixture, ORDERS, removeEmail } from './lock-fixture';

const deprecate = (text: string) => text.replace('status: active', 'status: deprecated');

/** A second consumer with a grant on sales.orders, which the base lock does not record. */
function addFinanceGrant(fixture: MeshFixture): void {
  edit(fixture, 'mesh.yaml', (text) =>
    text
      .replace(
        'grants:\n',
        'grants:\n  - product: sales.orders\n    consumer: finance\n    role: analyst\n    purpose: revenue reporting\n    requestedBy: fin@example.com\n    approvedBy: dpo@example.com\n',
      )
      .replace('consumers:\n', 'consumers:\n  - name: finance\n    account: "555555555555"\n    principals: ["arn:aws:iam::555555555555:role/finance"]\n'),
  );
}

describe('loadLockedMesh', () => {
  test('loads a mesh without a lock and gates nothing', () => {
    const fixture = MeshFixture.edited({ [ORDERS]: removeEmail });
    const loaded = loadLockedMesh(fixture.path(), { today: TODAY });
    expect(loaded.mesh.name).toBe('shop');
    expect(loaded.lock).toBeUndefined();
    expect(loaded.comparison).toBeUndefined();
  });

  test('returns the lock and the comparison when there is a lock', () => {
    const fixture = lockedFixture();
    const loaded = loadLockedMesh(fixture.path(), { today: TODAY });
    expect(loaded.lock?.file).toBe(fixture.path(LOCK));
    expect(loaded.comparison).toEqual({ changed: [], added: [], removed: [], problems: [] });
  });

  test('runs the gate after loading the mesh', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, removeEmail);
    expect(problemsOf(() => loadLockedMesh(fixture.path(), { today: TODAY })).map((problem) => problem.code)).toEqual(['LM520']);
  });

  test('reports a malformed lock before looking at the mesh', () => {
    const fixture = lockedFixture();
    fixture.write(LOCK, '{');
    edit(fixture, 'mesh.yaml', (text) => text.replace('consumer: marketing', 'consumer: marketting'));
    expect(problemsOf(() => loadLockedMesh(fixture.path(), { today: TODAY })).map((problem) => problem.code)).toEqual(['LM522']);
  });

  describe('on a deprecated product', () => {
    test('keeps a grant the lock records, and marks it existing', () => {
      const fixture = lockedFixture();
      edit(fixture, ORDERS, deprecate);
      const { mesh } = loadLockedMesh(fixture.path(), { today: TODAY });
      expect(mesh.grants.map(({ product, consumer, existing }) => ({ product, consumer, existing }))).toEqual([
        { product: 'sales.orders', consumer: 'marketing', existing: true },
      ]);
    });

    test('refuses a grant the lock does not record, with the exact message', () => {
      const fixture = lockedFixture();
      edit(fixture, ORDERS, deprecate);
      addFinanceGrant(fixture);
      expect(problemsOf(() => loadLockedMesh(fixture.path(), { today: TODAY }))).toEqual([
        {
          code: MESH_CODES.deprecatedProduct,
          path: 'grants[0].product',
          message:
            'sales.orders has contract status "deprecated"; deprecated products accept no new grants, and the contract lock does not record this grant as existing; remove the grant or reactivate the contract',
          location: fixture.at('mesh.yaml', 'sales.orders'),
        },
      ]);
    });

    test('refuses every grant without a lock, pointing at lakemesh lock', () => {
      const fixture = MeshFixture.edited({ [ORDERS]: deprecate });
      expect(problemsOf(() => loadLockedMesh(fixture.path(), { today: TODAY }))).toEqual([
        {
          code: MESH_CODES.deprecatedProduct,
          path: 'grants[0].product',
          message:
            'sales.orders has contract status "deprecated"; deprecated products accept no new grants (grants made before the deprecation stay when the contract lock records them: run `lakemesh lock` while the product is active); remove the grant or reactivate the contract',
          location: fixture.at('mesh.yaml', 'sales.orders'),
        },
      ]);
    });

    test('synthesizes the kept grant in the governance stack', () => {
      const fixture = lockedFixture();
      edit(fixture, ORDERS, deprecate);
      const { mesh } = loadLockedMesh(fixture.path(), { today: TODAY });
      const app = new MeshApp(new App(), 'Mesh', { mesh, today: '2026-11-15' });
      Template.fromStack(app.governanceStack).hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
        Principal: { DataLakePrincipalIdentifier: 'arn:aws:iam::444444444444:role/analyst' },
        Permissions: ['DESCRIBE'],
      });
    });
  });
});
