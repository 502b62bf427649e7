/**
 * The IAM side of a local product grant: Lake Formation permissions decide what a principal may
 * see, but the principal also needs IAM permission to ask Lake Formation for data and to call the
 * Glue catalog for the product's database and tables.
 */
import { Resource, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, Dependable, IConstruct } from 'constructs';
import { acknowledgeWildcardResources } from '../domain/nag-acknowledgements';
import { IDataProduct } from './data-product-ref';

export const GLUE_READ_ACTIONS: readonly string[] = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];
export const GLUE_WRITE_ACTIONS: readonly string[] = [
  'glue:CreatePartition',
  'glue:BatchCreatePartition',
  'glue:UpdatePartition',
  'glue:DeletePartition',
  'glue:BatchDeletePartition',
];
/** Producers also shape the tables. */
export const GLUE_PRODUCER_ACTIONS: readonly string[] = ['glue:CreateTable', 'glue:UpdateTable'];

/**
 * Allows `grantee` `lakeformation:GetDataAccess` and `glueActions` on the catalog, the product's
 * database and its tables (tables added later included).
 */
export function grantCatalogAccess(product: IDataProduct, grantee: iam.IGrantable, glueActions: readonly string[]): iam.Grant {
  const stack = Stack.of(product);
  const dataAccess = iam.Grant.addToPrincipal({
    grantee,
    actions: ['lakeformation:GetDataAccess'],
    resourceArns: ['*'],
  });
  const tables = stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${product.databaseName}/*` });
  const catalog = iam.Grant.addToPrincipal({
    grantee,
    actions: [...glueActions],
    resourceArns: [
      stack.formatArn({ service: 'glue', resource: 'catalog' }),
      stack.formatArn({ service: 'glue', resource: 'database', resourceName: product.databaseName }),
      tables,
    ],
  });
  for (const policy of grantPolicies(dataAccess, grantee)) {
    acknowledgeWildcardResources(
      policy,
      ['*'],
      'lakeformation:GetDataAccess has no resource-level permissions; lake formation decides table by table what the principal may read',
    );
  }
  for (const policy of grantPolicies(catalog, grantee)) {
    acknowledgeWildcardResources(
      policy,
      [tables],
      `the principal may use every table of product ${product.domainName}.${product.productName}, including tables its producers add later; lake formation permissions narrow it to what was granted`,
    );
  }
  acknowledgeImportedIdentityPolicies(grantee, [...grantPolicies(dataAccess, grantee), ...grantPolicies(catalog, grantee)]);
  return dataAccess.combine(catalog);
}

const acknowledgedInlinePolicies = new WeakSet<IConstruct>();

/**
 * An identity imported by ARN (not created by this app) receives its grants as an inline policy
 * that CDK attaches to it alone; NIST 800-53 R5 wants managed policies. Roles and users this app
 * creates are left to their owner's choice.
 */
function acknowledgeImportedIdentityPolicies(grantee: iam.IGrantable, policies: readonly IConstruct[]): void {
  const principal = grantee.grantPrincipal;
  if (!Construct.isConstruct(principal) || Resource.isOwnedResource(principal)) return;
  for (const policy of policies) {
    if (acknowledgedInlinePolicies.has(policy)) continue;
    acknowledgedInlinePolicies.add(policy);
    Validations.of(policy).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        'the grantee is an existing role or user imported by ARN and owned outside this app; its grants form one policy attached to that identity alone and deleted with this stack, whereas a managed policy would take one of the managed-policy attachments (10 by default) its owning team manages',
    });
  }
}

/**
 * The policy constructs holding a grant's statements, where cdk-nag reports them: what the grant
 * depends on (an imported role's `Policy`), else the grantee's `DefaultPolicy` (a role or user of
 * this app).
 */
function grantPolicies(grant: iam.Grant, grantee: iam.IGrantable): IConstruct[] {
  const roots = Dependable.of(grant).dependencyRoots;
  if (roots.length > 0) return [...roots];
  const principal = grantee.grantPrincipal;
  const policy = Construct.isConstruct(principal) ? principal.node.tryFindChild('DefaultPolicy') : undefined;
  return policy ? [policy] : [];
}
