import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ShardState } from '../../lib/sharding/state';
import { parseShardState, readShardState, serializeShardState, shardStateFilePath, writeShardState } from '../../lib/sharding/state-file';
import { problemsOf } from '../support/problems';

const STATE: ShardState = {
  shardsVersion: 1,
  mesh: 'retail',
  groups: {
    governance: { shards: 2, units: { 'product/sales.orders': 1, 'grant/sales.orders/marketing': 2, 'registration/sales': 1 } },
    'consumer/marketing': { shards: 1, units: { 'link/sales.orders': 1 } },
  },
};

const FIX = 'restore it from version control, or delete it and run `lakemesh lock` (units then keep the places a first run gives them, which may move resources that were deployed elsewhere)';


function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-shards-'));
}

describe('the shard state file', () => {
  test('sits beside the mesh file, its extension replaced by .shards.json', () => {
    expect(shardStateFilePath('/repo/mesh.yaml')).toBe('/repo/mesh.shards.json');
    expect(shardStateFilePath('/repo/prod.mesh.yml')).toBe('/repo/prod.mesh.shards.json');
    expect(shardStateFilePath('/repo/mesh')).toBe('/repo/mesh.shards.json');
  });

  test('is written with groups and units sorted, 2-space indent and a final newline, whatever the order in memory', () => {
    const text = serializeShardState(STATE);
    expect(text).toBe(
      [
        '{',
        '  "shardsVersion": 1,',
        '  "mesh": "retail",',
        '  "groups": {',
        '    "consumer/marketing": {',
        '      "shards": 1,',
        '      "units": {',
        '        "link/sales.orders": 1',
        '      }',
        '    },',
        '    "governance": {',
        '      "shards": 2,',
        '      "units": {',
        '        "grant/sales.orders/marketing": 2,',
        '        "product/sales.orders": 1,',
        '        "registration/sales": 1',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('reads back what it wrote, and writes atomically (no temporary file left)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'mesh.shards.json');
    writeShardState(file, STATE);
    expect(readShardState(file, 'retail')).toEqual(STATE);
    expect(fs.readdirSync(dir)).toEqual(['mesh.shards.json']);
  });

  test('is undefined when there is none', () => {
    expect(readShardState(path.join(tempDir(), 'mesh.shards.json'))).toBeUndefined();
  });

  test('fails when it cannot be read', () => {
    const dir = tempDir();
    expect(problemsOf(() => readShardState(dir))).toEqual([
      {
        code: 'LM543',
        path: '',
        message: `${dir}: cannot read the shard state (it is not a regular file); ${FIX}`,
      },
    ]);
  });

  test('fails on git merge conflict markers, at their line', () => {
    const text = '{\n<<<<<<< HEAD\n  "mesh": "retail"\n=======\n  "mesh": "shop"\n>>>>>>> other\n}\n';
    expect(problemsOf(() => parseShardState('mesh.shards.json', text))).toEqual([
      {
        code: 'LM544',
        path: '',
        message: 'the shard state has git merge conflict markers; keep one side (e.g. `git checkout --theirs mesh.shards.json`), then run `lakemesh lock` to pin the units the other side added',
        location: { file: 'mesh.shards.json', line: 2, column: 1 },
      },
    ]);
  });

  test('fails on text that is not JSON', () => {
    expect(problemsOf(() => parseShardState('mesh.shards.json', '{ "mesh": '))).toEqual([
      { code: 'LM544', path: '', message: `the shard state is not valid JSON (unexpected end of JSON input); ${FIX}`, location: { file: 'mesh.shards.json', line: 1, column: 1 } },
    ]);
  });

  test('fails on an unknown key and on a shard that is not a whole number from 1, each at its line', () => {
    const text = JSON.stringify({ shardsVersion: 1, mesh: 'retail', extra: true, groups: { governance: { shards: 1, units: { 'product/a.b': 0 } } } }, null, 2);
    expect(problemsOf(() => parseShardState('s.json', text))).toEqual([
      { code: 'LM545', path: 'groups.governance.units.product/a.b', message: `expected a shard number (a whole number from 1), got a number (0); ${FIX}`, location: { file: 's.json', line: 9, column: 9 } },
      { code: 'LM545', path: '', message: `unknown key "extra" in the shard state; ${FIX}`, location: { file: 's.json', line: 1, column: 1 } },
    ]);
  });

  test('fails on a unit recorded in a shard the group does not have', () => {
    const text = serializeShardState({ shardsVersion: 1, mesh: 'retail', groups: { governance: { shards: 1, units: { 'product/a.b': 3 } } } });
    expect(problemsOf(() => parseShardState('s.json', text))).toEqual([
      { code: 'LM545', path: 'groups.governance.units.product/a.b', message: `shard 3 is beyond the 1 shard(s) the group records; ${FIX}`, location: { file: 's.json', line: 8, column: 9 } },
    ]);
  });

  test('fails on a version this lakemesh does not read', () => {
    expect(problemsOf(() => parseShardState('s.json', '{"shardsVersion": 2, "mesh": "retail", "groups": {}}'))).toEqual([
      {
        code: 'LM546',
        path: 'shardsVersion',
        message: 'shardsVersion 2 is not one this version of lakemesh reads (it reads 1); use the lakemesh version that wrote it, or upgrade lakemesh',
        location: { file: 's.json', line: 1, column: 2 },
      },
    ]);
  });

  test('fails when it records another mesh', () => {
    expect(problemsOf(() => parseShardState('s.json', serializeShardState(STATE), 'shop'))).toEqual([
      {
        code: 'LM547',
        path: 'mesh',
        message: 'the shard state is for mesh "retail", but the mesh file names "shop"; a renamed mesh renames every stack, so delete the state and run `lakemesh lock`',
        location: { file: 's.json', line: 3, column: 3 },
      },
    ]);
  });

  test('fails when it cannot be written', () => {
    const dir = tempDir();
    const file = path.join(dir, 'mesh.shards.json');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep'), '');
    expect(problemsOf(() => writeShardState(file, STATE))).toEqual([
      { code: 'LM548', path: '', message: `${file}: cannot write the shard state (a directory is in its place); make the directory of the mesh file writable, or move what is in the way` },
    ]);
    expect(fs.readdirSync(dir)).toEqual(['mesh.shards.json']);
  });
});
