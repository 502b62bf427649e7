/**
 * The links of a consumer that did not fit into its first stack, in a shard of it: per product a
 * database resource link and DESCRIBE on it for each principal, the acceptance of the RAM
 * invitations behind those links, and the access policies Athena needs for them. The same
 * constructs, under the same ids, as `MeshConsumer` creates in the first stack, without the account's
 * Lake Formation settings (the first stack owns them and deploys before).
 */
import { createHash } from 'node:crypto';
import { Stack, Token } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { createAccessPolicies, planAccessPolicies } from '../../constructs/consumer/access-policies';
import { ConsumedProduct, linkGrantMetadata } from '../../constructs/consumer/consumed-product';
import { RamInvitationAcceptance } from '../../constructs/consumer/ram-invitation-acceptance';
import { validateConsumer } from '../../constructs/consumer/validate-consumer';
import { LakeFormationPermissions } from '../../constructs/grants/lake-formation-permissions';

export interface ConsumerLinksProps {
  readonly consumerName: string;
  readonly principals: readonly string[];
  /** The products this shard links, each shared from the stack's region. */
  readonly products: readonly ConsumedProduct[];
  /** Every account is in one AWS Organization with RAM sharing on: no invitation to accept. */
  readonly organization: boolean;
}

export class ConsumerLinks extends Construct {
  readonly links: readonly glue.CfnDatabase[];
  readonly accessPolicies: readonly iam.ManagedPolicy[];
  readonly invitationAcceptance?: RamInvitationAcceptance;

  constructor(scope: Construct, id: string, props: ConsumerLinksProps) {
    super(scope, id);
    const stack = Stack.of(this);
    validateConsumer(stack, props);
    const products = [...props.products].sort((a, b) => compare(a.databaseName, b.databaseName));
    const principals = [...new Set(props.principals)].sort(compare);
    const invited = products.filter((product) => product.catalogId !== stack.account);
    if (!props.organization && invited.length > 0) {
      this.invitationAcceptance = new RamInvitationAcceptance(this, 'InvitationAcceptance', {
        senderAccounts: invited.map((product) => product.catalogId),
        grantedResources: invited.map((product) => product.databaseName),
      });
    }
    const registry = LakeFormationPermissions.of(this);
    this.links = products.map((product) => {
      const link = new glue.CfnDatabase(this, `Link-${product.databaseName}`, {
        catalogId: stack.account,
        databaseInput: { name: product.databaseName, targetDatabase: { catalogId: product.catalogId, databaseName: product.databaseName } },
      });
      if (this.invitationAcceptance) link.node.addDependency(this.invitationAcceptance);
      const metadata = linkGrantMetadata(props.consumerName, product);
      for (const principal of principals) {
        registry.add({ principal, resource: { kind: 'database', catalogId: stack.account, name: product.databaseName }, permissions: ['DESCRIBE'], metadata, dependsOn: [link] });
      }
      return link;
    });
    const targets = products.map((product) => ({ linkName: product.databaseName, catalogId: product.catalogId, databaseName: product.databaseName, region: stack.region }));
    this.accessPolicies = createAccessPolicies(this, props.consumerName, planAccessPolicies(stack, targets));
    for (const principal of principals) this.attach(principal);
  }

  private attach(principal: string): void {
    const id = `Principal${createHash('sha256').update(principal).digest('hex').slice(0, 12)}`;
    if (/:role\//.test(principal)) {
      const role = iam.Role.fromRoleArn(this, id, principal, { mutable: true });
      for (const policy of this.accessPolicies) policy.attachToRole(role);
    } else if (!Token.isUnresolved(principal)) {
      const user = iam.User.fromUserArn(this, id, principal);
      for (const policy of this.accessPolicies) policy.attachToUser(user);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
