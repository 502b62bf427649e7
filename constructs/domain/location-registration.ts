/**
 * Registers the domain's data bucket with the domain account's own Lake Formation, through a
 * custom role (never the service-linked role: that one cannot be limited to the product prefixes
 * nor granted the customer-managed key in the key policy).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, Dependable } from 'constructs';
import { acknowledgeWildcardResources } from './nag-acknowledgements';
import { MAX_BUCKET_NAME_LENGTH, prefixCharacters, ProductPolicies } from './product-policies';

/** Most characters the policy document takes with no product: version, statement skeletons, key and bucket ARNs. */
const FIXED_POLICY_CHARACTERS = 768;
/** The role is lakemesh's own: up to 8 of its 10 managed-policy attachments (a power of two). */
const MAX_POLICIES = 8;

export interface LocationRegistrationProps {
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  /**
   * The domain's name, in messages.
   * @default - messages name the registration by its construct path
   */
  readonly domainName?: string;
}

export class LocationRegistration extends Construct {
  /** The role Lake Formation assumes to read and write registered data. */
  readonly role: iam.Role;
  /** The `AWS::LakeFormation::Resource`. */
  readonly resource: lakeformation.CfnResource;
  /**
   * The role's permissions: the key and the product prefixes. Managed policies rather than the
   * role's inline default policy (NIST 800-53 R5 IAMNoInlinePolicy): lakemesh owns the role, so
   * nothing else competes for its managed-policy attachments. One (`Policy`) unless the domain has
   * many products (`Policy2` …, see `ProductPolicies`); built when the app is prepared.
   */
  private readonly productPolicies: ProductPolicies;

  constructor(scope: Construct, id: string, props: LocationRegistrationProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com'),
      description: 'Lake Formation reads and writes the registered data products with this role.',
    });
    const objectsOf = (prefix: string) => props.bucket.arnForObjects(`${prefix}/*`);
    this.productPolicies = new ProductPolicies(this, {
      role: this.role,
      id: 'Policy',
      description: 'lakemesh: what lake formation may do with the registered data products',
      subject: `the policies of the lake formation registration role of ${props.domainName === undefined ? this.node.path : `domain ${props.domainName}`}`,
      fixedCharacters: FIXED_POLICY_CHARACTERS,
      maxPolicies: MAX_POLICIES,
      charactersOf: (prefix) => prefixCharacters(MAX_BUCKET_NAME_LENGTH, prefix),
      statements: (index, prefixes) => [
        ...(index === 0 ? [new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [props.key.keyArn] })] : []),
        ...(prefixes.length === 0
          ? []
          : [
              new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: prefixes.map(objectsOf) }),
              new iam.PolicyStatement({
                actions: ['s3:ListBucket'],
                resources: [props.bucket.bucketArn],
                conditions: { StringLike: { 's3:prefix': prefixes.map((p) => `${p}/*`) } },
              }),
            ]),
      ],
      onPolicy: (policy, prefixes) => {
        acknowledgeWildcardResources(
          policy,
          prefixes.map(objectsOf),
          'lake formation reads and writes every object of a registered product, whose keys are unknown at synth; the wildcard covers one product prefix',
        );
        this.resource.node.addDependency(policy);
      },
    });
    this.resource = new lakeformation.CfnResource(this, 'Resource', {
      resourceArn: props.bucket.bucketArn,
      useServiceLinkedRole: false,
      roleArn: this.role.roleArn,
    });
    this.resource.node.addDependency(this.role);
    // What depends on the registration waits for the registered location, which waits for its role
    // and policies: one DependsOn entry instead of several.
    Dependable.implement(this, { dependencyRoots: [this.resource] });
  }

  /** Lets Lake Formation read and write objects under `prefix` (no slash at either end). */
  allowPrefix(prefix: string): void {
    this.productPolicies.add(prefix);
  }

  /** The role's managed policies, once the app is prepared. */
  get policies(): readonly iam.ManagedPolicy[] {
    return this.productPolicies.policies;
  }
}
