/**
 * The IAM side of a producer role's access to every product of its domain: `GetDataAccess` and the
 * producer's Glue actions on each product's database and tables.
 *
 * These grants go to the role's own inline policy (where `iam.Grant` puts them) while they fit
 * the 10,240 characters IAM allows for all inline policies of a role: a role owned outside
 * lakemesh keeps its managed-policy attachments. A domain with more products (about 60) gets
 * managed policies instead, spread by `ProductPolicies`, each taking one of the role's attachments.
 */
import { Names, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GLUE_PRODUCER_ACTIONS, GLUE_READ_ACTIONS, GLUE_WRITE_ACTIONS, grantCatalogAccess } from '../data-product/catalog-access';
import type { IDataProduct } from '../data-product/data-product-ref';
import { deployedLengthAtMost, LONGEST_DEPLOYED, POLICY_SIZE_LIMITS } from '../../lib/stacks/policy-size';
import { acknowledgeWildcardResources } from './nag-acknowledgements';
import { ProductPolicies } from './product-policies';

/** What a producer does in the catalog: read, add partitions, shape the tables. */
export const PRODUCER_GLUE_ACTIONS: readonly string[] = [...GLUE_READ_ACTIONS, ...GLUE_WRITE_ACTIONS, ...GLUE_PRODUCER_ACTIONS];

/** Most characters of a document without products: version, two statements, the actions, the catalog ARN. */
const FIXED_POLICY_CHARACTERS = 640;
/** The role is owned outside lakemesh: leave most of its managed-policy attachments to its owners. */
export const MAX_PRODUCER_POLICIES = 4;

export class ProducerAccess {
  private readonly products = new Map<string, IDataProduct>();
  private readonly policies: ProductPolicies;

  constructor(scope: Construct, producer: iam.IRole, domainName: string) {
    const stack = Stack.of(scope);
    const glueArn = (resource: string, name?: string) => stack.formatArn({ service: 'glue', resource, resourceName: name });
    const tablesOf = (database: string) => glueArn('table', `${database}/*`);
    this.policies = new ProductPolicies(scope, {
      role: producer,
      // The role's unique id: two producers may share a construct id in different scopes.
      id: `ProducerAccess-${Names.nodeUniqueId(producer.node)}`,
      description: `lakemesh: lets a producer of domain ${domainName} use the catalog entries of the domain's products`,
      subject: `the policies of producer ${Token.isUnresolved(producer.roleArn) ? producer.node.path : producer.roleArn} of domain ${domainName}`,
      fixedCharacters: FIXED_POLICY_CHARACTERS,
      maxPolicies: MAX_PRODUCER_POLICIES,
      charactersOf: (database) => glueArnCharacters(stack, `database/${database}`) + glueArnCharacters(stack, `table/${database}/*`),
      statements: (index, databases) => [
        ...(index === 0 ? [new iam.PolicyStatement({ actions: ['lakeformation:GetDataAccess'], resources: ['*'] })] : []),
        new iam.PolicyStatement({
          actions: [...PRODUCER_GLUE_ACTIONS],
          resources: [...(index === 0 ? [glueArn('catalog')] : []), ...databases.flatMap((database) => [glueArn('database', database), tablesOf(database)])],
        }),
      ],
      onPolicy: (policy, databases, index) => {
        if (index === 0) {
          acknowledgeWildcardResources(
            policy,
            ['*'],
            'lakeformation:GetDataAccess has no resource-level permissions; lake formation decides table by table what the principal may read',
          );
        }
        acknowledgeWildcardResources(
          policy,
          databases.map(tablesOf),
          `the producers of domain ${domainName} may use every table of its products, including tables they add later; lake formation permissions narrow it to what was granted`,
        );
      },
      inline: {
        // IAM's limit on all inline policies of a role together.
        maxCharacters: POLICY_SIZE_LIMITS['AWS::IAM::Policy'].maxCharacters,
        grant: (databases) => {
          for (const database of databases) grantCatalogAccess(this.products.get(database)!, producer, PRODUCER_GLUE_ACTIONS);
        },
      },
    });
  }

  /** Grants the producer the catalog entries of `product`. */
  add(product: IDataProduct): void {
    this.products.set(product.databaseName, product);
    this.policies.add(product.databaseName);
  }
}

/** `"arn:<partition>:glue:<region>:<account>:<resource>",`, unresolved parts at their longest. */
function glueArnCharacters(stack: Stack, resource: string): number {
  const partition = deployedLengthAtMost(stack.partition, LONGEST_DEPLOYED.partition);
  const region = deployedLengthAtMost(stack.region, LONGEST_DEPLOYED.region);
  const account = deployedLengthAtMost(stack.account, LONGEST_DEPLOYED.account);
  return '"arn:'.length + partition + ':glue:'.length + region + ':'.length + account + ':'.length + resource.length + '",'.length;
}
