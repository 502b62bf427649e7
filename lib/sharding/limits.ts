/**
 * How large a stack may get. CloudFormation refuses more than 500 resources or a 1 MB template; the
 * mesh stays well below (450 resources, 800 KiB) so that a stack can still take a few more resources
 * in an emergency. New units fill a shard only up to the fill level, leaving room for the units
 * already there to grow in place (a contract gains a table, a consumer a role) without a move.
 */
import { LakemeshError } from '../errors';
import { SHARDING_CODES } from './codes';

export interface ShardLimits {
  /** No stack holds more resources than this. */
  readonly maxResources: number;
  /** No template is larger than this many bytes (as `cdk synth` writes it). */
  readonly maxTemplateBytes: number;
  /** New units join a shard only while it stays at or under this many (estimated) resources. */
  readonly fillResources: number;
  /** …and this many (estimated) template bytes. */
  readonly fillTemplateBytes: number;
}

/** The limits of the issue "Scale": 450 resources and 800 KiB per stack; new units fill to about 90 % and 80 %. */
export const SHARD_LIMITS: ShardLimits = {
  maxResources: 450,
  maxTemplateBytes: 800 * 1024,
  fillResources: 400,
  fillTemplateBytes: 640 * 1024,
};

/**
 * `SHARD_LIMITS` with `overrides` applied (e.g. small limits in tests). A lower `max…` without a
 * `fill…` lowers the fill level to the same proportion of it.
 */
export function shardLimits(overrides: Partial<ShardLimits> = {}): ShardLimits {
  const maxResources = overrides.maxResources ?? SHARD_LIMITS.maxResources;
  const maxTemplateBytes = overrides.maxTemplateBytes ?? SHARD_LIMITS.maxTemplateBytes;
  const limits: ShardLimits = {
    maxResources,
    maxTemplateBytes,
    fillResources: overrides.fillResources ?? Math.floor((maxResources * SHARD_LIMITS.fillResources) / SHARD_LIMITS.maxResources),
    fillTemplateBytes: overrides.fillTemplateBytes ?? Math.floor((maxTemplateBytes * SHARD_LIMITS.fillTemplateBytes) / SHARD_LIMITS.maxTemplateBytes),
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw LakemeshError.of(SHARDING_CODES.invalidLimits, `shard limit ${name} must be a positive whole number, got ${value}`, name);
    }
  }
  if (limits.fillResources > limits.maxResources || limits.fillTemplateBytes > limits.maxTemplateBytes) {
    throw LakemeshError.of(
      SHARDING_CODES.invalidLimits,
      `shard fill levels (${limits.fillResources} resources, ${limits.fillTemplateBytes} bytes) must not exceed the limits (${limits.maxResources} resources, ${limits.maxTemplateBytes} bytes); lower the fill levels`,
    );
  }
  return limits;
}
