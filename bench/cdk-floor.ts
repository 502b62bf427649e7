/**
 * Benchmark child: the CDK floor. Builds a bare aws-cdk-lib app with the same stacks (names,
 * environments, dependencies) as the lakemesh synth it was planned from, each holding the same
 * resources as plain `CfnResource`s with the same logical ids, types and properties, and times its
 * synth the way `synth-mesh.ts` times lakemesh's. Usage:
 * `node --import tsx bench/cdk-floor.ts '<CdkFloorOptions JSON>'`.
 */
import * as fs from 'node:fs';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { benchContext } from './cdk-context';
import { FloorStack } from './floor-plan';
import { childOptions, finishChild, PhaseTimer } from './measure';

export interface CdkFloorOptions {
  /** JSON file with the `FloorStack[]` to build. */
  readonly planFile: string;
  readonly outdir: string;
  readonly resultFile: string;
  readonly liftResourceLimit: boolean;
}

function main(): void {
  const options = childOptions<CdkFloorOptions>();
  // Reading the plan is the harness's work, not the CDK's: it stays out of the timed phases.
  const plan = JSON.parse(fs.readFileSync(options.planFile, 'utf8')) as FloorStack[];
  const timer = new PhaseTimer();
  const app = timer.time('construct', () => buildFloorApp(plan, options));
  timer.time('synth', () => app!.synth());
  finishChild(options.resultFile, timer.result());
}

export function buildFloorApp(plan: readonly FloorStack[], options: { outdir: string; liftResourceLimit: boolean }): App {
  const app = new App({ outdir: options.outdir, context: benchContext({ nag: false, liftResourceLimit: options.liftResourceLimit }) });
  const stacks = new Map<string, Stack>();
  for (const spec of plan) {
    const stack = new Stack(app, spec.id, { stackName: spec.stackName, env: { account: spec.account, region: spec.region } });
    for (const resource of spec.resources) {
      const cfn = new CfnResource(stack, resource.logicalId, { type: resource.type, properties: resource.properties });
      cfn.overrideLogicalId(resource.logicalId);
    }
    stacks.set(spec.id, stack);
  }
  for (const spec of plan) {
    for (const dependency of spec.dependencies) stacks.get(spec.id)!.addStackDependency(stacks.get(dependency)!);
  }
  return app;
}

if (require.main === module) main();
