/**
 * The shard state as `lakemesh lock` keeps it: written beside the mesh when it changes, new units
 * appended, shards that outgrew the limits rebalanced (and the moves reported), and `--check`
 * failing on a missing or stale state.
 */
import * as fs from 'node:fs';
import { MESH_SIZES } from '../../bench/sizes';
import { MeshConfig } from '../../lib/config/model';
import { shardLimits } from '../../lib/sharding/limits';
import { describeState, recordShards, shardStateProblems } from '../../lib/sharding/record-shards';
import { readShardState, shardStateFilePath } from '../../lib/sharding/state-file';
import { runCli } from '../cli/cli-harness';
import { GeneratedMesh } from './sharding-fixture';

/** The S benchmark mesh: 5 domains, 20 products, 50 grants, 3 consumers. */
function smallMesh(): { generated: GeneratedMesh; mesh: MeshConfig } {
  const generated = new GeneratedMesh(MESH_SIZES.S);
  return { generated, mesh: generated.write() };
}

describe('recordShards', () => {
  test('writes the state beside the mesh file the first time, and leaves an up-to-date one untouched', () => {
    const { mesh } = smallMesh();
    const first = recordShards(mesh, mesh.file);
    expect(first).toEqual(expect.objectContaining({ file: shardStateFilePath(mesh.file), written: true, moved: [] }));
    expect(readShardState(first.file)).toEqual(first.state);
    fs.utimesSync(first.file, new Date(0), new Date(0));
    expect(recordShards(mesh, mesh.file).written).toBe(false);
    expect(fs.statSync(first.file).mtimeMs).toBe(0);
  });

  test('describes the state as units in stacks', () => {
    const { mesh } = smallMesh();
    const { state } = recordShards(mesh, mesh.file);
    const units = Object.values(state.groups).reduce((sum, group) => sum + Object.keys(group.units).length, 0);
    // The governance stack of the S mesh (958 resources, 2.3 MB in one stack) splits; 5 domains and 3 consumers do not.
    expect(describeState(state)).toBe(`${units} units in ${state.groups.governance.shards + 8} stacks`);
    expect(state.groups.governance.shards).toBeGreaterThan(1);
  });

  test('pins a new unit and keeps the others where they were', () => {
    const { generated, mesh } = smallMesh();
    const limits = shardLimits({ maxResources: 120 });
    const before = recordShards(mesh, mesh.file, limits).state;
    const { product } = generated.addProduct('domain-0001', 777);
    const grown = generated.write();
    fs.copyFileSync(shardStateFilePath(mesh.file), shardStateFilePath(grown.file));
    const after = recordShards(grown, grown.file, limits).state;
    for (const [group, recorded] of Object.entries(before.groups)) {
      for (const [unit, shard] of Object.entries(recorded.units)) expect({ unit, shard: after.groups[group].units[unit] }).toEqual({ unit, shard });
    }
    expect(after.groups.governance.units[`product/${product}`]).toBeGreaterThanOrEqual(before.groups.governance.shards);
  });

  test('moves the newest units out of a shard that outgrew the limits, and says which', () => {
    const { mesh } = smallMesh();
    const generous = shardLimits({ maxResources: 2000, maxTemplateBytes: 8_000_000 });
    expect(recordShards(mesh, mesh.file, generous).state.groups.governance.shards).toBe(1);
    const recorded = recordShards(mesh, mesh.file, shardLimits({ maxResources: 450 }));
    expect(recorded.written).toBe(true);
    expect(recorded.moved.length).toBeGreaterThan(0);
    expect(recorded.moved[0]).toMatch(/^governance: grant\/domain-\d{4}\.product_\d{5}\/consumer-\d{3} → shard \d+$/);
    expect(recorded.state.groups.governance.shards).toBeGreaterThan(1);
  });
});

describe('shardStateProblems', () => {
  test('is empty for an up-to-date state', () => {
    const { mesh } = smallMesh();
    recordShards(mesh, mesh.file);
    expect(shardStateProblems(mesh, mesh.file)).toEqual([]);
  });

  test('reports a missing state', () => {
    const { mesh } = smallMesh();
    const file = shardStateFilePath(mesh.file);
    expect(shardStateProblems(mesh, mesh.file)).toEqual([
      {
        code: 'LM552',
        path: '',
        message: `${file}: there is no shard state, so the stacks resources land in may change as the mesh grows; run \`lakemesh lock --config ${mesh.file}\` and commit mesh.shards.json`,
      },
    ]);
  });

  test('reports each unit the state does not pin, and each it pins that left the mesh', () => {
    const { generated, mesh } = smallMesh();
    const last = recordShards(mesh, mesh.file).state.groups.governance.shards;
    const { product } = generated.addProduct('domain-0002', 778);
    const grants = generated.mesh.grants;
    const removed = generated.removeGrant(grants.findIndex((grant) => grants.filter((g) => g.product === grant.product && g.consumer === grant.consumer).length === 1));
    const grown = generated.write();
    fs.copyFileSync(shardStateFilePath(mesh.file), shardStateFilePath(grown.file));
    const messages = shardStateProblems(grown, grown.file).map((problem) => problem.message);
    const file = shardStateFilePath(grown.file);
    const fix = `run \`lakemesh lock --config ${grown.file}\` and commit mesh.shards.json`;
    expect(messages).toContain(`${file} is out of date: + governance: product/${product} in shard ${last}; ${fix}`);
    expect(messages).toContain(`${file} is out of date: + domain/domain-0002: product/${product} in shard 1; ${fix}`);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${escape(file)} is out of date: - governance: grant/${escape(removed.product)}/${removed.consumer} \\(was in shard \\d+\\); `)));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${escape(file)} is out of date: - consumer/${removed.consumer}: link/${escape(removed.product)} \\(was in shard 1\\); `)));
  });
});

describe('lakemesh lock', () => {
  test('writes the shard state beside the lock, and --check fails without it', async () => {
    const { mesh } = smallMesh();
    const written = await runCli(['lock', '--config', mesh.file]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(new RegExp(`\\nwrote ${escape(shardStateFilePath(mesh.file))}: \\d+ units in \\d+ stacks\\n$`));
    expect((await runCli(['lock', '--config', mesh.file, '--check'])).code).toBe(0);
    fs.rmSync(shardStateFilePath(mesh.file));
    const checked = await runCli(['lock', '--config', mesh.file, '--check']);
    expect(checked).toEqual({
      code: 1,
      stdout: '',
      stderr: `${shardStateFilePath(mesh.file)}: there is no shard state, so the stacks resources land in may change as the mesh grows; run \`lakemesh lock --config ${mesh.file}\` and commit mesh.shards.json [LM552]\n1 problem found\n`,
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
