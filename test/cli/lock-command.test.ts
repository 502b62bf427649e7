/** `lakemesh lock`, run in-process: what it writes, prints and exits with. */
import * as fs from 'node:fs';
import { buildContractLock } from '../../lib/lock/build-lock';
import { serializeContractLock } from '../../lib/lock/lock-file';
import { MeshFixture } from '../config/mesh-fixture';
import { planShards, serializeShardState, shardStateOf } from '../../lib/sharding';
import { addNote, edit, LOCK, lockedFixture, ORDERS, removeEmail, SHARDS, version } from '../lock/lock-fixture';
import { runCli } from './cli-harness';

const lock = (fixture: MeshFixture, ...flags: string[]) => runCli(['lock', '--config', fixture.path(), ...flags]);

describe('lakemesh lock', () => {
  test('writes mesh.lock.json (and the shard state, mesh.shards.json) beside the mesh and exits 0', async () => {
    const fixture = new MeshFixture();
    expect(await lock(fixture)).toEqual({
      code: 0,
      stdout: `wrote ${fixture.path(LOCK)}: 2 products, 1 grant\nwrote ${fixture.path(SHARDS)}: 8 units in 4 stacks\n`,
      stderr: '',
    });
    expect(fixture.read(LOCK)).toBe(serializeContractLock(buildContractLock(fixture.load())));
    expect(fixture.read(SHARDS)).toBe(serializeShardState(shardStateOf(planShards(fixture.load()))));
    expect(fs.readdirSync(fixture.dir).sort()).toEqual(['contracts', 'mesh.lock.json', 'mesh.shards.json', 'mesh.yaml']);
  });

  test('leaves an up-to-date lock untouched', async () => {
    const fixture = lockedFixture();
    fs.utimesSync(fixture.path(LOCK), new Date(0), new Date(0));
    expect(await lock(fixture)).toEqual({ code: 0, stdout: `${fixture.path(LOCK)} is up to date: 2 products, 1 grant\n`, stderr: '' });
    expect(fs.statSync(fixture.path(LOCK)).mtimeMs).toBe(0);
  });

  test('prints what changed since the previous lock and records it', async () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('2.0.0')(removeEmail(addNote(text))));
    edit(fixture, 'mesh.yaml', (text) => text.replace(/  - name: stock\n[\s\S]*?levels\.odcs\.yaml\n/, ''));
    const result = await lock(fixture);
    expect(result).toEqual({
      code: 0,
      stdout:
        'sales.orders 1.0.0 → 2.0.0: 1 breaking, 0 warnings, 1 info — allowed: breaking changes come with the new major version 2.0.0\n' +
        '  BREAKING  orders.email: column removed (it was string)\n' +
        'stock.levels: locked, but no longer in the mesh (its data is retained)\n' +
        `wrote ${fixture.path(LOCK)}: 1 product, 1 grant\n` +
        `wrote ${fixture.path(SHARDS)}: 5 units in 3 stacks\n`,
      stderr: '',
    });
    expect(fixture.read(LOCK)).toBe(serializeContractLock(buildContractLock(fixture.load())));
  });

  test('lists grants added and removed', async () => {
    const fixture = lockedFixture();
    edit(fixture, 'mesh.yaml', (text) => text.replace('role: analyst', 'role: loader'));
    edit(fixture, ORDERS, (text) => version('1.1.0')(text.replace('access: write', 'access: read')));
    const result = await lock(fixture);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\ngrant removed: sales.orders to marketing as analyst\ngrant added: sales.orders to marketing as loader\nwrote ');
  });

  test('refuses a breaking change without a new major version, writes nothing and exits 1', async () => {
    const fixture = lockedFixture();
    const locked = fixture.read(LOCK);
    edit(fixture, ORDERS, (text) => version('1.1.0')(removeEmail(text)));
    const result = await lock(fixture);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${fixture.path(ORDERS)}:4:10: version: sales.orders changed in a breaking way since mesh.lock.json without a new major version (1.0.0 → 1.1.0): ` +
        `orders.email: column removed (it was string); bump the version to 2.0.0 or revert the breaking changes, then run \`lakemesh lock --config ${fixture.path()}\` [LM520]\n` +
        '1 problem found\n' +
        `nothing written to ${fixture.path(LOCK)}; to record these changes anyway as a reviewed exception, run lakemesh lock --config ${fixture.path()} --accept-breaking\n`,
    );
    expect(fixture.read(LOCK)).toBe(locked);
  });

  test('records it with --accept-breaking, saying what it accepted', async () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('1.1.0')(removeEmail(text)));
    const result = await lock(fixture, '--accept-breaking');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^accepted: sales\.orders changed in a breaking way since mesh\.lock\.json without a new major version \(1\.0\.0 → 1\.1\.0\): .* \[LM520\]\n$/);
    expect(result.stdout).toBe(
      'sales.orders: the lock records version 1.0.0, the contract is 1.1.0\n' + `wrote ${fixture.path(LOCK)}: 2 products, 1 grant\n`,
    );
    expect(JSON.parse(fixture.read(LOCK)).products['sales.orders'].version).toBe('1.1.0');
    expect((await lock(fixture)).code).toBe(0);
  });

  test('refuses a new grant on a deprecated product: lock cannot launder it', async () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('1.1.0')(text.replace('status: active', 'status: deprecated').replace('access: write', 'access: read')));
    edit(fixture, 'mesh.yaml', (text) => `${text}  - product: sales.orders\n    consumer: marketing\n    role: loader\n    purpose: loads\n    requestedBy: ana@example.com\n    approvedBy: dpo@example.com\n`);
    const result = await lock(fixture);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('grants[1].product: sales.orders has contract status "deprecated"; deprecated products accept no new grants, and the contract lock does not record this grant as existing');
  });

  test('refuses a lock of another mesh', async () => {
    const fixture = lockedFixture();
    edit(fixture, 'mesh.yaml', (text) => text.replace('name: shop', 'name: store'));
    const result = await lock(fixture, '--accept-breaking');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the contract lock records mesh "shop"');
    expect(result.stderr).toContain('[LM525]');
  });

  test('refuses a malformed lock instead of overwriting it', async () => {
    const fixture = lockedFixture();
    fixture.write(LOCK, '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n');
    const result = await lock(fixture);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `${fixture.path(LOCK)}:1:1: the contract lock has git merge conflict markers; keep one side of the conflict (e.g. \`git checkout --theirs mesh.lock.json\`), then run \`lakemesh lock\` to compare the merged contracts with it and record them [LM522]\n` +
        '1 problem found\n',
    });
  });

  describe('--check', () => {
    test('exits 0 when the lock is up to date, writing nothing', async () => {
      const fixture = lockedFixture();
      const locked = fixture.read(LOCK);
      expect(await lock(fixture, '--check')).toEqual({ code: 0, stdout: `${fixture.path(LOCK)} is up to date: 2 products, 1 grant\n`, stderr: '' });
      expect(fixture.read(LOCK)).toBe(locked);
    });

    test('accepts the same content formatted differently, with a note', async () => {
      const fixture = lockedFixture();
      fixture.write(LOCK, JSON.stringify(JSON.parse(fixture.read(LOCK))));
      const result = await lock(fixture, '--check');
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(`note: ${fixture.path(LOCK)} is not formatted the way lakemesh writes it; lakemesh lock rewrites it\n`);
    });

    test('exits 1 with one located problem per difference when the lock is stale', async () => {
      const fixture = lockedFixture();
      edit(fixture, ORDERS, (text) => version('1.1.0')(addNote(text)));
      edit(fixture, 'mesh.yaml', (text) => text.replace('role: analyst', 'role: loader'));
      edit(fixture, ORDERS, (text) => text.replace('access: write', 'access: read'));
      const locked = fixture.read(LOCK);
      const result = await lock(fixture, '--check');
      const run = `run \`lakemesh lock --config ${fixture.path()}\` and commit mesh.lock.json [LM528]`;
      const grants = `${fixture.path(LOCK)}:${fixture.at(LOCK, '"grants"').line}:3: grants: the contract lock is out of date`;
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `${fixture.path(LOCK)}:5:5: products.sales.orders: the contract lock is out of date: sales.orders: the lock records version 1.0.0, the contract is 1.1.0; ${run}\n` +
          `${grants}: grant of sales.orders to marketing as analyst: locked, but no longer in the mesh; ${run}\n` +
          `${grants}: grant of sales.orders to marketing as loader: not in the lock; ${run}\n` +
          '3 problems found\n',
      });
      expect(fixture.read(LOCK)).toBe(locked);
    });

    test('reports a blocked breaking change rather than a stale lock', async () => {
      const fixture = lockedFixture();
      edit(fixture, ORDERS, removeEmail);
      const result = await lock(fixture, '--check');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\[LM520\]\n1 problem found\n$/);
    });

    test('exits 1 when there is no lock', async () => {
      const fixture = new MeshFixture();
      expect(await lock(fixture, '--check')).toEqual({
        code: 1,
        stdout: '',
        stderr: `${fixture.path(LOCK)}: there is no contract lock beside ${fixture.path()}; run \`lakemesh lock --config ${fixture.path()}\` and commit mesh.lock.json [LM529]\n1 problem found\n`,
      });
      expect(fs.existsSync(fixture.path(LOCK))).toBe(false);
    });

    test('cannot be combined with --accept-breaking (usage error, exit 64)', async () => {
      const fixture = lockedFixture();
      const result = await lock(fixture, '--check', '--accept-breaking');
      expect(result.code).toBe(64);
      expect(result.stderr).toContain("option '--check' cannot be used with option '--accept-breaking'");
    });
  });

  test('describes itself in --help', async () => {
    const result = await runCli(['lock', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lakemesh lock [options]');
    expect(result.stdout).toContain('-c, --config <file>');
    expect(result.stdout).toContain('--check');
    expect(result.stdout).toContain('--accept-breaking');
    expect(result.stdout).toContain('mesh.lock.json');
    expect((await runCli(['--help'])).stdout).toMatch(/lock \[options\] +record the contract versions meant to be deployed/);
  });
});

describe('lakemesh validate with a contract lock', () => {
  test('fails on a breaking change without a new major version, like synth', async () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, removeEmail);
    const result = await runCli(['validate', '--config', fixture.path()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^.*orders\.odcs\.yaml:4:10: version: sales\.orders changed in a breaking way since mesh\.lock\.json .* \[LM520\]\n1 problem found\n$/);
  });

  test('passes when the change comes with a new major version', async () => {
    const fixture = lockedFixture();
    edit(fixture, ORDERS, (text) => version('2.0.0')(removeEmail(text)));
    expect(await runCli(['validate', '--config', fixture.path()])).toEqual({
      code: 0,
      stdout: 'mesh shop: 2 domains, 2 products, 1 consumer, 1 grant — valid\n',
      stderr: '',
    });
  });
});
