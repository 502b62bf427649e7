/** A mesh fixture with its contract lock written beside it, and edits that change a contract after locking. */
import { buildContractLock } from '../../lib/lock/build-lock';
import { serializeContractLock } from '../../lib/lock/lock-file';
import { planShards, serializeShardState, shardStateOf } from '../../lib/sharding';
import { MeshFixture } from '../config/mesh-fixture';

export const ORDERS = 'contracts/orders.odcs.yaml';
export const LOCK = 'mesh.lock.json';
/** The shard state `lakemesh lock` keeps beside the lock (docs/sharding.md). */
export const SHARDS = 'mesh.shards.json';

/** The base fixture (edited first when `edits` are given) with `mesh.lock.json` and `mesh.shards.json` recording it. */
export function lockedFixture(edits: Readonly<Record<string, (text: string) => string>> = {}): MeshFixture {
  const fixture = Object.keys(edits).length > 0 ? MeshFixture.edited(edits) : new MeshFixture();
  const mesh = fixture.load();
  fixture.write(LOCK, serializeContractLock(buildContractLock(mesh)));
  fixture.write(SHARDS, serializeShardState(shardStateOf(planShards(mesh))));
  return fixture;
}

/** Rewrites one file of the fixture; fails the test when the edit changes nothing. */
export function edit(fixture: MeshFixture, file: string, change: (text: string) => string): void {
  const before = fixture.read(file);
  const after = change(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  fixture.write(file, after);
}

/** Sets the orders contract's version. */
export const version = (next: string) => (text: string) => text.replace(/^version: .*$/m, `version: ${next}`);

/** Removes the orders table's `email` column: a breaking change. */
export const removeEmail = (text: string) => text.replace(/      - name: email\n[\s\S]*?classification: restricted\n/, '');

/** Adds a column to the orders table: an info change. */
export const addNote = (text: string) =>
  text.replace('      - name: email\n', '      - name: note\n        logicalType: string\n        classification: internal\n      - name: email\n');
