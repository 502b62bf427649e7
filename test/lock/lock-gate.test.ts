/** The synth gate: a contract changed since the lock must not break consumers without a new major version. */
import { fingerprint } from '../../lib/contract/fingerprint';
import { LOCK_CODES } from '../../lib/lock/codes';
import { checkContractLock, compareWithLock } from '../../lib/lock/lock-gate';
import { readContractLock } from '../../lib/lock/lock-file';
import { MeshFixture, problemsOf } from '../config/mesh-fixture';
import { addNote, edit, LOCK, lockedFixture, ORDERS, removeEmail, version } from './lock-fixture';

/** Renames the orders `order_id` column: a second breaking change (removed + added). */
const renameOrderId = (text: string) => text.replace('name: order_id', 'name: order_key');

function gate(fixture: MeshFixture) {
  return checkContractLock(fixture.load(), readContractLock(fixture.path(LOCK)));
}

describe('checkContractLock', () => {
  test('does nothing without a lock file beside the mesh', () => {
    const fixture = MeshFixture.edited({ [ORDERS]: removeEmail });
    expect(checkContractLock(fixture.load())).toBeUndefined();
  });

  test('reads the lock beside the mesh when none is given', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, removeEmail);
    expect(problemsOf(() => checkContractLock(fixture.load())).map((problem) => problem.code)).toEqual([LOCK_CODES.breakingWithoutMajor]);
  });

  test('passes an unchanged mesh without comparing any contract', () => {
    const fixture = lockedFixture();
    // A locked document that could not even be parsed proves that equal fingerprints skip the diff.
    edit(fixture, LOCK, (text) => text.replace(/"contract": \{[\s\S]*?\n {6}\}/, '"contract": {}'));
    expect(gate(fixture)).toEqual({ changed: [], added: [], removed: [], problems: [] });
  });

  test('fails on a breaking change without a new major version, at the contract version, with the exact message', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('1.1.0')(removeEmail(text)));
    expect(problemsOf(() => gate(fixture))).toEqual([
      {
        code: LOCK_CODES.breakingWithoutMajor,
        path: 'version',
        message:
          'sales.orders changed in a breaking way since mesh.lock.json without a new major version (1.0.0 → 1.1.0): orders.email: column removed (it was string); ' +
          `bump the version to 2.0.0 or revert the breaking changes, then run \`lakemesh lock --config ${fixture.path()}\``,
        location: fixture.at(ORDERS, '1.1.0'),
      },
    ]);
  });

  test('says the version stayed when it did, and lists three breaking changes before "and N more"', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => renameOrderId(removeEmail(text)).replace('id: orders-contract', 'id: orders-v2').replace('  - role: loader\n    access: write\n', ''));
    const [problem] = problemsOf(() => gate(fixture));
    expect(problem.message).toMatch(/^sales\.orders changed in a breaking way since mesh\.lock\.json without a new major version \(version stayed 1\.0\.0\): /);
    expect(problem.message).toBe(
      'sales.orders changed in a breaking way since mesh.lock.json without a new major version (version stayed 1.0.0): ' +
        'id: id changed from "orders-contract" to "orders-v2": that is a different contract, which grants and the contract lock do not follow; keep the id; ' +
        'orders.email: column removed (it was string); orders.order_id: column removed (it was string); and 1 more (see `lakemesh lock`); ' +
        `bump the version to 2.0.0 or revert the breaking changes, then run \`lakemesh lock --config ${fixture.path()}\``,
    );
  });

  test('passes the same breaking change with a new major version, and reports it as changed', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('2.0.0')(removeEmail(text)));
    const comparison = gate(fixture)!;
    expect(comparison.problems).toEqual([]);
    expect(comparison.changed.map(({ product, lockedAs, diff }) => ({ product, lockedAs, breaking: diff.breaking, blocked: diff.blocked }))).toEqual([
      { product: 'sales.orders', lockedAs: 'sales.orders', breaking: true, blocked: false },
    ]);
  });

  test('passes a compatible change with a minor version bump', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('1.1.0')(addNote(text)));
    const comparison = gate(fixture)!;
    expect(comparison.changed.map((change) => change.diff.changes.map((c) => c.code))).toEqual([['column-added']]);
  });

  test('follows a renamed product by its contract id, so that the rename is the breaking change', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => text.replace('dataProduct: orders', 'dataProduct: purchases'));
    edit(fixture, 'mesh.yaml', (text) => text.replace('product: sales.orders', 'product: sales.purchases'));
    const [problem] = problemsOf(() => gate(fixture));
    expect(problem.message).toMatch(
      /^sales\.purchases \(locked as sales\.orders\) changed in a breaking way since mesh\.lock\.json without a new major version \(version stayed 1\.0\.0\): dataProduct: product renamed from orders to purchases/,
    );
  });

  test('lists products added to and removed from the mesh without failing: removed data is retained', () => {
    const fixture = lockedFixture();
    edit(fixture, 'mesh.yaml', (text) => text.replace('      - contracts/levels.odcs.yaml\n', '      - contracts/counts.odcs.yaml\n'));
    fixture.write('contracts/counts.odcs.yaml', fixture.read('contracts/levels.odcs.yaml').replace(/levels/g, 'counts'));
    expect(gate(fixture)).toEqual({ changed: [], added: ['stock.counts'], removed: ['stock.levels'], problems: [] });
  });

  test('fails when the lock records another mesh (LM525), located at its mesh field', () => {
    const fixture = lockedFixture();
    edit(fixture, 'mesh.yaml', (text) => text.replace('name: shop', 'name: store'));
    expect(problemsOf(() => gate(fixture))).toEqual([
      {
        code: LOCK_CODES.otherMesh,
        path: 'mesh',
        message: `the contract lock records mesh "shop", but ${fixture.path()} is mesh "store"; renaming a mesh renames every stack and physical name, so if that is intended delete the lock and run \`lakemesh lock\`, else restore the mesh name`,
        location: fixture.at(LOCK, '"mesh"'),
      },
    ]);
  });

  test('fails when a locked document does not match its fingerprint (LM526)', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, version('1.0.1'));
    edit(fixture, LOCK, (text) => text.replace('"status": "active"', '"status": "draft"'));
    expect(problemsOf(() => gate(fixture))).toEqual([
      {
        code: LOCK_CODES.fingerprintMismatch,
        path: 'products.sales.orders.fingerprint',
        message:
          'the locked contract of sales.orders does not match its fingerprint, so the lock was edited by hand and cannot be trusted; restore the lock from version control, or review the contract, then run `lakemesh lock --accept-breaking` to record it as it is now',
        location: fixture.at(LOCK, '"fingerprint"'),
      },
    ]);
  });

  test('fails when a locked document is no longer a valid contract (LM527)', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, version('1.0.1'));
    // A lock written by hand (or by an older lakemesh) with a document today's parser refuses, and a matching fingerprint.
    const lock = readContractLock(fixture.path(LOCK))!;
    const broken = { ...lock.lock.products['sales.orders'].contract, kind: 'Contract' };
    edit(fixture, LOCK, (text) => text.replace('"kind": "DataContract"', '"kind": "Contract"').replace(lock.lock.products['sales.orders'].fingerprint, fingerprint(broken)));
    const [problem] = problemsOf(() => gate(fixture));
    expect(problem).toMatchObject({ code: LOCK_CODES.lockedContractInvalid, path: 'products.sales.orders.contract', location: fixture.at(LOCK, '"contract"') });
    expect(problem.message).toMatch(/^the locked contract of sales\.orders is no longer a valid contract for this version of lakemesh \(kind: .* \[LM103\]\), so it cannot be compared; review the contract, then run `lakemesh lock --accept-breaking` to record it as it is now$/);
  });

  test('locates a locked version that is not semantic at the lock entry (LM500)', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, version('1.0.1'));
    const lock = readContractLock(fixture.path(LOCK))!;
    const entry = lock.lock.products['sales.orders'];
    const nonSemantic = fingerprint({ ...entry.contract, version: 'one' });
    edit(fixture, LOCK, (text) => text.replace(/"version": "1\.0\.0"/g, '"version": "one"').replace(entry.fingerprint, nonSemantic));
    const [problem] = problemsOf(() => gate(fixture));
    expect(problem).toMatchObject({ code: 'LM500', path: 'version', location: fixture.at(LOCK, '"version"') });
    expect(problem.message).toMatch(/^version "one" of contract "orders-contract" is not a semantic version;/);
  });
});

describe('compareWithLock', () => {
  test('returns the blocking problems instead of throwing them', () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, removeEmail);
    const comparison = compareWithLock(fixture.load(), readContractLock(fixture.path(LOCK))!);
    expect(comparison.problems.map((problem) => problem.code)).toEqual([LOCK_CODES.breakingWithoutMajor]);
    expect(comparison.changed).toEqual([]);
  });
});
