/**
 * The CDK floor's input: for each stack lakemesh synthesized, its name, environment, stack
 * dependencies and every resource's logical id, type and properties as plain JSON. The floor app
 * (`cdk-floor.ts`) rebuilds exactly that with bare `CfnResource`s.
 */
import { AssemblyStack, ParsedTemplate } from './read-assembly';

/** Added by the CDK itself to every stack when version reporting is on; the floor app adds its own. */
const CDK_METADATA_TYPE = 'AWS::CDK::Metadata';

export interface FloorResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties?: Record<string, unknown>;
}

export interface FloorStack {
  readonly id: string;
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  readonly dependencies: readonly string[];
  readonly resources: readonly FloorResource[];
}

/** Collects floor stacks from `readAssembly`'s visits. */
export class FloorPlanBuilder {
  readonly stacks: FloorStack[] = [];

  readonly visit = (stack: AssemblyStack, template: ParsedTemplate): void => {
    const [account, region] = stack.environment.replace(/^aws:\/\//, '').split('/');
    const resources = Object.entries(template.Resources ?? {})
      .filter(([, resource]) => resource.Type !== CDK_METADATA_TYPE)
      .map(([logicalId, resource]): FloorResource => ({
        logicalId,
        type: resource.Type,
        ...(resource.Properties === undefined ? {} : { properties: resource.Properties as Record<string, unknown> }),
      }));
    this.stacks.push({ id: stack.id, stackName: stack.stackName, account, region, dependencies: stack.dependencies, resources });
  };
}
