/**
 * What a DataMesh rule sees of a resource: the resource as it will appear in the template
 * (properties with overrides applied, Metadata, policies), resolved once per validation run.
 *
 * Rules read the rendered template rather than the L1 objects' typed properties so that they see
 * `addPropertyOverride`s, generic `CfnResource`s and Metadata exactly as an auditor reading the
 * template would.
 */
import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { logicalIdOf } from '../stacks/logical-id';
import { CfnObject, isCfnObject } from './cfn-values';
import { WrittenTemplates } from './written-templates';

export interface MeshResource {
  readonly node: CfnResource;
  /** CloudFormation type, e.g. `AWS::LakeFormation::PrincipalPermissions`. */
  readonly type: string;
  readonly logicalId: string;
  /** Resolved `Properties` (empty when the resource has none). */
  readonly properties: CfnObject;
  /** Resolved `Metadata` (empty when the resource has none). */
  readonly metadata: CfnObject;
  readonly deletionPolicy: unknown;
  readonly updateReplacePolicy: unknown;
  /** The 12-digit account of the resource's stack, or undefined when the stack is environment-agnostic. */
  readonly stackAccount: string | undefined;
  /** Other resources of a type in the same stack, rendered through the same cache. */
  inSameStack(type: string): readonly MeshResource[];
}

/**
 * Renders resources on demand and remembers them for one validation run, one stack at a time: the
 * packs walk the tree stack by stack, and rules only look into the resource's own stack, so a large
 * mesh's views are never all held at once. Create a fresh one per run: the construct tree may change
 * between runs. With the templates the synth has written, a resource found in its stack's template
 * is read from there instead of rendered again.
 */
export class MeshResourceCache {
  private stack: Stack | undefined;
  private readonly rendered = new Map<CfnResource, MeshResource | null>();
  private typeIndex: Map<string, CfnResource[]> | undefined;

  constructor(private readonly written?: WrittenTemplates) {}

  /** The rendered resource, or undefined when it will not be synthesized. */
  public of(node: CfnResource): MeshResource | undefined {
    this.enter(Stack.of(node));
    let view = this.rendered.get(node);
    if (view === undefined) {
      view = this.render(node);
      this.rendered.set(node, view);
    }
    return view ?? undefined;
  }

  private enter(stack: Stack): void {
    if (this.stack === stack) return;
    this.stack = stack;
    this.rendered.clear();
    this.typeIndex = undefined;
  }

  private render(node: CfnResource): MeshResource | null {
    const stack = Stack.of(node);
    const [logicalId, body] = this.writtenResource(stack, node) ?? resolvedResource(stack, node) ?? [];
    if (logicalId === undefined || body === undefined) return null;
    return {
      node,
      type: node.cfnResourceType,
      logicalId,
      properties: isCfnObject(body.Properties) ? body.Properties : {},
      metadata: isCfnObject(body.Metadata) ? body.Metadata : {},
      deletionPolicy: body.DeletionPolicy,
      updateReplacePolicy: body.UpdateReplacePolicy,
      stackAccount: Token.isUnresolved(stack.account) ? undefined : stack.account,
      inSameStack: (type) => this.resourcesOfType(stack, type),
    };
  }

  private writtenResource(stack: Stack, node: CfnResource): [string, CfnObject] | undefined {
    if (this.written === undefined) return undefined;
    const logicalId = logicalIdOf(node);
    const body = this.written.resource(stack, logicalId);
    return body === undefined ? undefined : [logicalId, body];
  }

  private resourcesOfType(stack: Stack, type: string): readonly MeshResource[] {
    this.enter(stack);
    const nodes = this.indexOf(stack).get(type) ?? [];
    return nodes.map((node) => this.of(node)).filter((view): view is MeshResource => view !== undefined);
  }

  private indexOf(stack: Stack): Map<string, CfnResource[]> {
    if (this.typeIndex === undefined) {
      this.typeIndex = new Map();
      for (const child of stack.node.findAll()) {
        if (!CfnResource.isCfnResource(child) || Stack.of(child) !== stack) continue;
        const list = this.typeIndex.get(child.cfnResourceType) ?? [];
        list.push(child);
        this.typeIndex.set(child.cfnResourceType, list);
      }
    }
    return this.typeIndex;
  }
}

/** The resource rendered as its stack's template will hold it, or undefined when it is not synthesized. */
function resolvedResource(stack: Stack, node: CfnResource): [string, CfnObject] | undefined {
  const template: unknown = stack.resolve(node._toCloudFormation());
  const resources = isCfnObject(template) ? template.Resources : undefined;
  if (!isCfnObject(resources)) return undefined;
  const [logicalId, body] = Object.entries(resources)[0] ?? [];
  return logicalId !== undefined && isCfnObject(body) ? [logicalId, body] : undefined;
}
