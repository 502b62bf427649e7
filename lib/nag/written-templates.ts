/**
 * The templates a synth has just written, read back for the DataMesh rules. Rendering each resource
 * again (`Stack.resolve`) costs about a tenth of a large mesh's synth; the template files hold the
 * same resources, exactly as CloudFormation and an auditor will see them.
 */
import * as fs from 'node:fs';
import { PolicyValidationStack, Stack } from 'aws-cdk-lib';
import { CfnObject, isCfnObject } from './cfn-values';

export class WrittenTemplates {
  private readonly pathByStack = new Map<string, string>();
  /** One stack's resources at a time: the rules walk the tree stack by stack, and L holds 650 templates. */
  private current: { readonly stackPath: string; readonly resources: CfnObject | undefined } | undefined;

  constructor(stacks: readonly PolicyValidationStack[]) {
    for (const { stackConstructPath, templatePath } of stacks) this.pathByStack.set(stackConstructPath, templatePath);
  }

  /**
   * The resource as written (`Type`, `Properties`, `Metadata`, …), or undefined when the stack's
   * template is not among those written or cannot be read, or does not hold `logicalId`.
   */
  public resource(stack: Stack, logicalId: string): CfnObject | undefined {
    const resources = this.resourcesOf(stack.node.path);
    const resource = resources?.[logicalId];
    return isCfnObject(resource) ? resource : undefined;
  }

  private resourcesOf(stackPath: string): CfnObject | undefined {
    if (this.current?.stackPath !== stackPath) this.current = { stackPath, resources: this.read(stackPath) };
    return this.current.resources;
  }

  private read(stackPath: string): CfnObject | undefined {
    const templatePath = this.pathByStack.get(stackPath);
    if (templatePath === undefined) return undefined;
    try {
      const template: unknown = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
      const resources = isCfnObject(template) ? template.Resources : undefined;
      return isCfnObject(resources) ? resources : undefined;
    } catch {
      // Unreadable: the rules render the resources themselves instead.
      return undefined;
    }
  }
}
