/**
 * Problem codes of stack sharding (LM540–LM559). Codes are API: tests and users match on them, so a
 * code is never reused for a different problem.
 */
export const SHARDING_CODES = {
  /** One unit (a product's catalog entry, a consumer's grants on a product, …) is larger than a whole stack may be. */
  unitTooLarge: 'LM540',
  /** A synthesized stack holds more resources than the limit. */
  tooManyResources: 'LM541',
  /** A synthesized stack's template is larger than the limit. */
  templateTooLarge: 'LM542',
  /** The shard state file cannot be read. */
  unreadable: 'LM543',
  /** The shard state file is not valid JSON (git merge conflict markers included). */
  syntax: 'LM544',
  /** The shard state file is JSON but not a shard state (missing, mistyped or unknown field). */
  shape: 'LM545',
  /** `shardsVersion` is not one this version of lakemesh reads. */
  unsupportedVersion: 'LM546',
  /** The shard state records another mesh. */
  otherMesh: 'LM547',
  /** The shard state file cannot be written. */
  unwritable: 'LM548',
  /** A shard's stack name would pass CloudFormation's 128 characters. */
  stackNameTooLong: 'LM549',
  /** A recorded shard outgrew the limits and no unit of it can move without breaking the deploy order. */
  cannotRebalance: 'LM550',
  /** Shard limits given to the planner are not usable. */
  invalidLimits: 'LM551',
  /** `lakemesh lock --check`: the shard state does not pin every unit of the mesh. */
  stale: 'LM552',
  /** The shard state puts a unit in an earlier shard than a unit it depends on (the shard chain would be cyclic). */
  misordered: 'LM553',
  /** A policy document (IAM, bucket, key) of a synthesized stack cannot fit AWS's size cap once deployed. */
  policyTooLarge: 'LM554',
} as const;

/** Warning ids (`Annotations.addWarningV2`) of sharding; stable, users acknowledge them by id. */
export const SHARDING_WARNINGS = {
  /** Units the shard state does not record were placed by the deterministic fallback. */
  unpinned: 'lakemesh:shards-unpinned',
  /** A recorded shard is estimated over the limits (its units grew in place). */
  overEstimate: 'lakemesh:shard-over-estimate',
} as const;
