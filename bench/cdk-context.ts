/**
 * The context both benchmark apps (lakemesh and the CDK floor) synthesize with: the repository's
 * cdk.json context (feature flags, template validation) plus what `cdk synth` itself adds with its
 * default settings (path and asset metadata, version reporting, bundling of every stack), so that
 * templates are the size `cdk synth` writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const CDK_JSON = path.join(__dirname, '..', 'cdk.json');

/** What the CDK CLI puts in the context when cdk.json does not change its defaults. */
const CLI_DEFAULT_CONTEXT: Readonly<Record<string, unknown>> = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
  'aws:cdk:bundling-stacks': ['**'],
};

/** Lifts CloudFormation's 500-resource check in the CDK (for figures of a mesh that does not shard yet). */
const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';
const NAG_CONTEXT = 'lakemesh:nag';

export interface BenchContextOptions {
  /** Run the compliance packs (as `cdk synth` does). */
  readonly nag: boolean;
  /** Turn off the CDK's 500-resources-per-stack check. */
  readonly liftResourceLimit: boolean;
}

export function benchContext(options: BenchContextOptions): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> };
  return {
    ...CLI_DEFAULT_CONTEXT,
    ...(cdkJson.context ?? {}),
    ...(options.nag ? {} : { [NAG_CONTEXT]: false }),
    ...(options.liftResourceLimit ? { [STACK_RESOURCE_LIMIT_CONTEXT]: 0 } : {}),
  };
}
