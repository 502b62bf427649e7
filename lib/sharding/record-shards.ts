/**
 * What `lakemesh lock` does with the shard state: plan the mesh against the recorded state (new
 * units appended, shards that outgrew the limits rebalanced, which moves their newest units) and
 * write the result beside the mesh file; with `--check`, say how the recorded state is out of date.
 */
import * as path from 'node:path';
import { MeshConfig } from '../config/model';
import { Problem } from '../errors';
import { SHARDING_CODES } from './codes';
import { SHARD_LIMITS, ShardLimits } from './limits';
import { planShards } from './plan';
import { shardStateOf, stateDifferences, ShardState } from './state';
import { readShardState, serializeShardState, shardStateFilePath, writeShardState } from './state-file';

export interface RecordedShards {
  readonly file: string;
  /** False when the file already held exactly this state. */
  readonly written: boolean;
  readonly state: ShardState;
  /** `<group>: <unit> → shard <n>` for each unit a rebalance moved to another stack. */
  readonly moved: readonly string[];
}

/**
 * Plans `mesh` against the state beside `meshFile` (rebalancing over-full shards) and writes it when
 * it changed. `limits` are for tests. @default SHARD_LIMITS
 */
export function recordShards(mesh: MeshConfig, meshFile: string, limits: ShardLimits = SHARD_LIMITS): RecordedShards {
  const file = shardStateFilePath(meshFile);
  const previous = readShardState(file, mesh.name);
  const plan = planShards(mesh, { state: previous, rebalance: true, limits });
  const state = shardStateOf(plan);
  const moved = [...plan.groups.values()].flatMap((group) => group.moved.map((unit) => `${group.group.key}: ${unit} → shard ${group.shardOf.get(unit)}`));
  const written = previous === undefined || serializeShardState(previous) !== serializeShardState(state);
  if (written) writeShardState(file, state);
  return { file, written, state, moved };
}

/** Problems (LM552) when the state beside `meshFile` is missing or does not pin `mesh` as `lakemesh lock` would. */
export function shardStateProblems(mesh: MeshConfig, meshFile: string, limits: ShardLimits = SHARD_LIMITS): Problem[] {
  const file = shardStateFilePath(meshFile);
  const recorded = readShardState(file, mesh.name);
  const fix = `run \`lakemesh lock --config ${meshFile}\` and commit ${path.basename(file)}`;
  if (recorded === undefined) {
    return [{ code: SHARDING_CODES.stale, path: '', message: `${file}: there is no shard state, so the stacks resources land in may change as the mesh grows; ${fix}` }];
  }
  const differences = stateDifferences(recorded, shardStateOf(planShards(mesh, { state: recorded, rebalance: true, limits })));
  return differences.map((difference) => ({ code: SHARDING_CODES.stale, path: '', message: `${file} is out of date: ${difference}; ${fix}` }));
}

/** `120 units in 7 stacks` */
export function describeState(state: ShardState): string {
  const groups = Object.values(state.groups);
  const units = groups.reduce((sum, group) => sum + Object.keys(group.units).length, 0);
  const stacks = groups.reduce((sum, group) => sum + group.shards, 0);
  return `${units} unit${units === 1 ? '' : 's'} in ${stacks} stack${stacks === 1 ? '' : 's'}`;
}
