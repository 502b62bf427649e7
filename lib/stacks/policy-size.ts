/**
 * Policy documents AWS caps in size, checked at synth: a registration role's policy or a data
 * bucket's policy grows with each product of a domain, and past the cap the deploy fails halfway
 * (`Cannot exceed quota for PolicySize`). The check counts what the document takes at least once
 * deployed (JSON without whitespace, as IAM counts it), so it never refuses a policy that fits.
 */
import { CfnResource, Stack, Token } from 'aws-cdk-lib';

export interface PolicySizeLimit {
  /** The property holding the document. */
  readonly property: string;
  readonly maxCharacters: number;
  /** Who caps it, and what, for the message. */
  readonly rule: string;
}

export const POLICY_SIZE_LIMITS: Readonly<Record<string, PolicySizeLimit>> = {
  'AWS::IAM::ManagedPolicy': { property: 'PolicyDocument', maxCharacters: 6_144, rule: 'IAM allows 6,144 characters per managed policy' },
  // Per role, all its inline policies together: one alone over it is over for sure.
  'AWS::IAM::Policy': { property: 'PolicyDocument', maxCharacters: 10_240, rule: 'IAM allows 10,240 characters for all inline policies of a role' },
  'AWS::S3::BucketPolicy': { property: 'PolicyDocument', maxCharacters: 20_480, rule: 'S3 allows 20 KB per bucket policy' },
  'AWS::KMS::Key': { property: 'KeyPolicy', maxCharacters: 32_768, rule: 'KMS allows 32 KB per key policy' },
};

export interface OversizedPolicy {
  readonly resource: CfnResource;
  readonly limit: PolicySizeLimit;
  /** Characters the document takes at least, once deployed. */
  readonly minimumCharacters: number;
}

/** The policy documents of `resources` (all of `stack`) that cannot fit their cap once deployed. */
export function oversizedPolicies(stack: Stack, resources: readonly CfnResource[]): OversizedPolicy[] {
  const oversized: OversizedPolicy[] = [];
  for (const resource of resources) {
    const limit = POLICY_SIZE_LIMITS[resource.cfnResourceType];
    if (limit === undefined) continue;
    const rendered = stack.resolve(resource._toCloudFormation()) as { Resources?: Record<string, { Properties?: Record<string, unknown> }> };
    const [body] = Object.values(rendered.Resources ?? {});
    const document = body?.Properties?.[limit.property];
    if (document === undefined) continue;
    const minimumCharacters = minimumDeployedLength(document);
    if (minimumCharacters > limit.maxCharacters) oversized.push({ resource, limit, minimumCharacters });
  }
  return oversized;
}

/**
 * The fewest characters `value` (a resolved template value) can take as JSON once CloudFormation has
 * resolved its intrinsics: a pseudo parameter as its shortest value, any other reference or
 * attribute as nothing, a join as the joined string of its parts' shortest forms.
 */
export function minimumDeployedLength(value: unknown): number {
  const text = minimumString(value);
  if (text !== undefined) return JSON.stringify(text).length;
  if (Array.isArray(value)) return 2 + Math.max(0, value.length - 1) + value.reduce((sum: number, item) => sum + minimumDeployedLength(item), 0);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [key, item]) => sum + JSON.stringify(key).length + 1 + minimumDeployedLength(item), 0);
  }
  return JSON.stringify(value ?? null).length;
}

/**
 * Most characters an unresolved partition (`aws-us-gov`), region (`ap-southeast-5`) or account may
 * take once deployed: the upper bounds that policies split to fit their cap are sized with.
 */
export const LONGEST_DEPLOYED = { partition: 10, region: 14, account: 12 } as const;

/** Characters `value` takes once deployed, at most: its length, or `longest` while it is a token. */
export function deployedLengthAtMost(value: string, longest: number): number {
  return Token.isUnresolved(value) ? longest : value.length;
}

/** Shortest value of each pseudo parameter (`aws`, a 12-digit account, `us-east-1`, …). */
const SHORTEST_PSEUDO_VALUES: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::AccountId': '000000000000',
  'AWS::Region': 'us-east-1',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** The shortest string a string or string-valued intrinsic resolves to; undefined for other values. */
function minimumString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  const argument = (value as Record<string, unknown>)[key];
  if (key === 'Ref') return typeof argument === 'string' ? (SHORTEST_PSEUDO_VALUES[argument] ?? '') : undefined;
  if (key === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
    return argument[1].map((part) => minimumString(part) ?? '').join(argument[0]);
  }
  if (key === 'Fn::Sub') {
    const template = Array.isArray(argument) ? argument[0] : argument;
    return typeof template === 'string' ? template.replace(/\$\{[^}]*\}/g, '') : undefined;
  }
  if (key.startsWith('Fn::') || key === 'Condition') return '';
  return undefined;
}
