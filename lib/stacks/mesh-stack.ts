/**
 * The base of every mesh stack. CDK derives a resource's logical id from its construct path (an MD5
 * hash) every time a template mentions it: as its key, in each `DependsOn` on it, once more when
 * synth scans for cross-stack references. A mesh grant is mentioned some twenty times, so for a
 * large mesh that hashing is a tenth of the synth. A path never changes once the construct exists,
 * so the id is allocated once per resource and remembered; `renameLogicalId` still applies, as it
 * works on the allocated id.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';

export class MeshStack extends Stack {
  private readonly allocatedIds = new WeakMap<CfnElement, string>();

  protected override allocateLogicalId(cfnElement: CfnElement): string {
    let id = this.allocatedIds.get(cfnElement);
    if (id === undefined) {
      id = super.allocateLogicalId(cfnElement);
      this.allocatedIds.set(cfnElement, id);
    }
    return id;
  }
}
