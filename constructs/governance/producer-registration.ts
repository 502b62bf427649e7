/**
 * Central-catalog model, governance side of one domain: the registration role Lake Formation
 * assumes to read the producer's data, and the cross-account registration of each product prefix
 * of the producer's bucket in the governance account's Lake Formation.
 *
 * The producer's bucket and key policies (see `CentralCatalogAccess` in the domain stack) allow
 * this role by name; this side grants the role the matching IAM permissions. Read only: consumers
 * never write through the central catalog.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from '../domain/nag-acknowledgements';
import { prefixCharacters, ProductPolicies } from '../domain/product-policies';
import { registrationRoleName } from '../domain/registration-role-name';

/**
 * Most characters the policy document takes with no product: version, statement skeletons, the
 * bucket ARN twice and the shared bucket-location and key statements.
 */
const FIXED_POLICY_CHARACTERS = 768;
/** The role is lakemesh's own: up to 8 of its 10 managed-policy attachments (a power of two). */
const MAX_POLICIES = 8;

export interface ProducerRegistrationProps {
  readonly meshName: string;
  readonly domainName: string;
  /** The domain's (producer's) account. */
  readonly producerAccount: string;
  /** The domain's data bucket name (`domainBucketName`). */
  readonly bucketName: string;
  /** Product prefixes (product slugs) to register, without slashes. */
  readonly productPrefixes: readonly string[];
}

export class ProducerRegistration extends Construct {
  /** The role Lake Formation assumes to read the producer's product prefixes. */
  readonly role: iam.Role;
  /** The role's managed policies (several when the domain has many products). */
  readonly policies: ProductPolicies;
  private readonly locations = new Map<string, lakeformation.CfnResource>();
  private readonly bucketName: string;

  constructor(scope: Construct, id: string, props: ProducerRegistrationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucketName = props.bucketName;
    const prefixes = [...new Set(props.productPrefixes)].sort();
    const bucketArn = stack.formatArn({ service: 's3', region: '', account: '', resource: props.bucketName });

    this.role = new iam.Role(this, 'Role', {
      roleName: registrationRoleName(props.meshName, props.domainName),
      description: `lakemesh: lake formation reads the ${props.domainName} domain's products in account ${props.producerAccount} with this role`,
      assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com'),
    });
    const producerKeys = stack.formatArn({ service: 'kms', account: props.producerAccount, resource: 'key', resourceName: '*' });
    // Managed policies, not an inline one (NIST 800-53 R5 IAMNoInlinePolicy): lakemesh owns the role.
    this.policies = new ProductPolicies(this, {
      role: this.role,
      id: 'ReadProducts',
      description: `lakemesh: lake formation reads the ${props.domainName} domain's product prefixes`,
      subject: `the policies of the governance registration role of domain ${props.domainName}`,
      fixedCharacters: FIXED_POLICY_CHARACTERS,
      maxPolicies: MAX_POLICIES,
      charactersOf: (prefix) => prefixCharacters(props.bucketName.length, prefix),
      statements: (index, keys) => [
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: keys.map((p) => `${bucketArn}/${p}/*`) }),
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucketArn],
          conditions: { StringLike: { 's3:prefix': keys.map((p) => `${p}/*`) } },
        }),
        ...(index === 0 ? sharedStatements(bucketArn, producerKeys, stack.region) : []),
      ],
      onPolicy: (policy, keys, index) => {
        acknowledgeWildcardResources(
          policy,
          keys.map((p) => `${bucketArn}/${p}/*`),
          'lake formation reads every object of a registered product prefix; the wildcard stops at that prefix',
        );
        if (index === 0) {
          acknowledgeWildcardResources(
            policy,
            [producerKeys],
            'the producer key id is not known in the governance account; kms:Decrypt is limited to S3 use by kms:ViaService, and the producer key policy admits only this role',
          );
        }
        for (const prefix of keys) this.location(prefix).node.addDependency(policy);
      },
    });

    for (const prefix of prefixes) {
      const location = new lakeformation.CfnResource(this, `Location-${prefix}`, {
        resourceArn: `${bucketArn}/${prefix}`,
        roleArn: this.role.roleArn,
        useServiceLinkedRole: false,
      });
      this.policies.add(prefix);
      this.locations.set(prefix, location);
    }
  }

  /** The registration of one product prefix. */
  location(prefix: string): lakeformation.CfnResource {
    const location = this.locations.get(prefix);
    if (!location) throw new Error(`product prefix ${prefix} of bucket ${this.bucketName} is not registered`);
    return location;
  }

  /** `s3://bucket/prefix/` */
  s3Url(prefix: string, ...rest: string[]): string {
    return `s3://${[this.bucketName, prefix, ...rest].join('/')}/`;
  }
}

/** What the role needs once, whatever the products: find the bucket, decrypt through S3. */
function sharedStatements(bucketArn: string, producerKeys: string, region: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [bucketArn] }),
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [producerKeys],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
  ];
}
