import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { DATA_LAKE_SETTINGS_RESOURCE_TYPE } from '../../../constructs/lake-formation/data-lake-settings';
import { DATA_STORE_METADATA_KEY } from '../../../lib/grants/grant-metadata';
import { contract, ordersContract } from '../../support/contract-factory';
import { BUCKET_NAME, DOMAIN_ACCOUNT, domainFixture, GOVERNANCE_ACCOUNT, logicalIds, onlyLogicalId, REGION } from './domain-fixture';
import { deploysAfter } from '../../support/deploy-order';

type Statement = Record<string, unknown>;

function bucketResources(template: Template): { data: string; logs: string } {
  const buckets = template.findResources('AWS::S3::Bucket');
  const data = Object.keys(buckets).find((id) => buckets[id].Properties?.BucketName === BUCKET_NAME);
  const logs = Object.keys(buckets).find((id) => id !== data);
  if (!data || !logs) throw new Error('expected a data bucket and an access-log bucket');
  return { data, logs };
}

function policyStatements(template: Template, type: string, matchTarget: (properties: Record<string, unknown>) => boolean): Statement[] {
  const resources = Object.values(template.findResources(type)).filter((r) => matchTarget(r.Properties));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  const document = (resources[0].Properties.PolicyDocument ?? resources[0].Properties.KeyPolicy) as { Statement: Statement[] };
  return document.Statement;
}

function dataBucketStatements(template: Template): Statement[] {
  const { data } = bucketResources(template);
  return policyStatements(template, 'AWS::S3::BucketPolicy', (p) => JSON.stringify(p.Bucket) === JSON.stringify({ Ref: data }));
}

function keyStatements(template: Template): Statement[] {
  return policyStatements(template, 'AWS::KMS::Key', () => true);
}

/** Statements that mention the governance account anywhere (principal or condition). */
function governanceStatements(statements: Statement[]): Statement[] {
  return statements.filter((s) => JSON.stringify(s).includes(GOVERNANCE_ACCOUNT));
}

const governancePrincipal = { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${GOVERNANCE_ACCOUNT}:root`]] } };
const registrationRoleCondition = {
  ArnEquals: {
    'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${GOVERNANCE_ACCOUNT}:role/retail-sales-registration`]] },
  },
};

describe('DataDomain storage', () => {
  const { stack, domain } = domainFixture();
  const template = Template.fromStack(stack);
  const { data, logs } = bucketResources(template);

  test('the key is customer managed with rotation and retained', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('the data bucket has the deterministic name <mesh>-<domain>-<account>-<region>', () => {
    expect(BUCKET_NAME).toBe('retail-sales-222222222222-eu-west-1');
    expect(template.findResources('AWS::S3::Bucket')[data].Properties.BucketName).toBe(BUCKET_NAME);
  });

  test('the data bucket is SSE-KMS with the domain key and a bucket key', () => {
    const keyId = onlyLogicalId(template, 'AWS::KMS::Key');
    expect(template.findResources('AWS::S3::Bucket')[data].Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] }, SSEAlgorithm: 'aws:kms' } },
      ],
    });
  });

  test('the data bucket is versioned, blocks public access, enforces object ownership and logs to the access-log bucket', () => {
    expect(template.findResources('AWS::S3::Bucket')[data].Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'data-bucket/' },
    });
  });

  test.each([
    ['data', () => data],
    ['access-log', () => logs],
  ])('the %s bucket is retained and never auto-deleted', (_name, id) => {
    const bucket = template.findResources('AWS::S3::Bucket')[id()];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  test.each([
    ['data', () => data],
    ['access-log', () => logs],
  ])('the %s bucket denies every request without TLS', (_name, id) => {
    const statements = policyStatements(template, 'AWS::S3::BucketPolicy', (p) => JSON.stringify(p.Bucket) === JSON.stringify({ Ref: id() }));
    expect(statements).toContainEqual({
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Resource: [{ 'Fn::GetAtt': [id(), 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id(), 'Arn'] }, '/*']] }],
    });
  });

  test('the access-log bucket uses SSE-S3, blocks public access and takes deliveries from the data bucket only', () => {
    expect(template.findResources('AWS::S3::Bucket')[logs].Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    const statements = policyStatements(template, 'AWS::S3::BucketPolicy', (p) => JSON.stringify(p.Bucket) === JSON.stringify({ Ref: logs }));
    expect(statements).toContainEqual({
      Action: 's3:PutObject',
      Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [data, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': DOMAIN_ACCOUNT } },
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logs, 'Arn'] }, '/data-bucket/*']] },
    });
  });

  test('the data bucket and the key carry the data-store metadata, the access-log bucket does not', () => {
    const keyId = onlyLogicalId(template, 'AWS::KMS::Key');
    expect(template.findResources('AWS::S3::Bucket')[data].Metadata).toEqual({ [DATA_STORE_METADATA_KEY]: { domain: 'sales' } });
    expect(template.findResources('AWS::KMS::Key')[keyId].Metadata).toEqual({ [DATA_STORE_METADATA_KEY]: { domain: 'sales' } });
    expect(template.findResources('AWS::S3::Bucket')[logs].Metadata).toBeUndefined();
  });

  test('exposes the domain names and the defaults', () => {
    expect(domain.meshName).toBe('retail');
    expect(domain.domainName).toBe('sales');
    expect(domain.owner).toBe('sales');
    expect(domain.classifications).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(domain.producers).toEqual([]);
    expect(domain.centralRegistrationRoleArn).toBeUndefined();
  });
});

describe('DataDomain removal policy', () => {
  test('DESTROY reaches the key and both buckets, still without auto-deleting objects', () => {
    const { stack } = domainFixture({ removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const resource of Object.values(template.findResources(type))) expect(resource.DeletionPolicy).toBe('Delete');
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });
});

describe('DataDomain without a concrete environment', () => {
  test('lets CloudFormation name the data bucket when no governance account needs the name', () => {
    const { stack } = domainFixture({}, {});
    const template = Template.fromStack(stack);
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.BucketName).toBeUndefined();
    }
  });
});

describe('DataDomain central-catalog access', () => {
  function governedTemplate(products: string[]): Template {
    const { stack, domain } = domainFixture({ governanceAccount: GOVERNANCE_ACCOUNT });
    for (const product of products) {
      domain.addDataProduct(`P${product}`, { contract: ordersContract({ id: `${product}-contract`, dataProduct: product, productSlug: product }) });
    }
    return Template.fromStack(stack);
  }

  test('the registration role may read exactly the product prefixes of the bucket, and nothing else', () => {
    const template = governedTemplate(['orders', 'returns']);
    const { data } = bucketResources(template);
    const bucketArn = { 'Fn::GetAtt': [data, 'Arn'] };
    expect(governanceStatements(dataBucketStatements(template))).toEqual([
      {
        Sid: 'CentralRegistrationReadProducts',
        Action: 's3:GetObject',
        Condition: registrationRoleCondition,
        Effect: 'Allow',
        Principal: governancePrincipal,
        Resource: [{ 'Fn::Join': ['', [bucketArn, '/orders/*']] }, { 'Fn::Join': ['', [bucketArn, '/returns/*']] }],
      },
      {
        Sid: 'CentralRegistrationListProducts',
        Action: 's3:ListBucket',
        Condition: { ...registrationRoleCondition, StringLike: { 's3:prefix': ['orders/*', 'returns/*'] } },
        Effect: 'Allow',
        Principal: governancePrincipal,
        Resource: bucketArn,
      },
      {
        Sid: 'CentralRegistrationBucketLocation',
        Action: 's3:GetBucketLocation',
        Condition: registrationRoleCondition,
        Effect: 'Allow',
        Principal: governancePrincipal,
        Resource: bucketArn,
      },
    ]);
  });

  test('the registration role may decrypt through S3 only, and nothing else with the key', () => {
    const template = governedTemplate(['orders']);
    expect(governanceStatements(keyStatements(template))).toEqual([
      {
        Sid: 'CentralRegistrationDecrypt',
        Action: 'kms:Decrypt',
        Condition: { ...registrationRoleCondition, StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` } },
        Effect: 'Allow',
        Principal: governancePrincipal,
        Resource: '*',
      },
    ]);
  });

  test('nothing is opened to the governance account before a product exists', () => {
    const template = governedTemplate([]);
    expect(governanceStatements(dataBucketStatements(template))).toEqual([]);
    expect(governanceStatements(keyStatements(template))).toEqual([]);
  });

  test('a standalone domain opens nothing to another account', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    const template = Template.fromStack(stack);
    const foreign = [...dataBucketStatements(template), ...keyStatements(template)].filter((s) => /\d{12}/.test(JSON.stringify(s.Principal)) && !JSON.stringify(s.Principal).includes(DOMAIN_ACCOUNT));
    expect(foreign).toEqual([]);
  });

  test('exposes the registration role ARN it trusts', () => {
    const { stack, domain } = domainFixture({ governanceAccount: GOVERNANCE_ACCOUNT });
    expect(stack.resolve(domain.centralRegistrationRoleArn)).toEqual(registrationRoleCondition.ArnEquals['aws:PrincipalArn']);
  });
});

describe('DataDomain Lake Formation', () => {
  test('registers the data bucket with a custom role, never the service-linked role', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    const template = Template.fromStack(stack);
    const { data } = bucketResources(template);
    const roleId = logicalIds(template, 'AWS::IAM::Role').find((id) => id.startsWith('DomainRegistrationRole'));
    template.hasResourceProperties('AWS::LakeFormation::Resource', {
      ResourceArn: { 'Fn::GetAtt': [data, 'Arn'] },
      UseServiceLinkedRole: false,
      RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' } }] },
    });
  });

  test('the registration role reads and writes the product prefixes and uses the key', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    const template = Template.fromStack(stack);
    const { data } = bucketResources(template);
    const keyId = onlyLogicalId(template, 'AWS::KMS::Key');
    const roleId = logicalIds(template, 'AWS::IAM::Role').find((id) => id.startsWith('DomainRegistrationRole'));
    // A managed policy, not the role's inline default policy (NIST 800-53 R5 IAMNoInlinePolicy).
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: roleId }],
      PolicyDocument: {
        Statement: [
          { Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } },
          { Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [data, 'Arn'] }, '/orders/*']] } },
          { Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['orders/*'] } }, Effect: 'Allow', Resource: { 'Fn::GetAtt': [data, 'Arn'] } },
        ],
      },
    });
  });

  test('holds the stack DataLakeSettings with the given admins and cross-account version', () => {
    const app = new App();
    const stack = new Stack(app, 'Domain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
    const admin = iam.Role.fromRoleArn(stack, 'Admin', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/data-admin`);
    new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', lakeFormationAdmins: [admin], crossAccountVersion: 5 });
    const template = Template.fromStack(stack);
    template.resourceCountIs(DATA_LAKE_SETTINGS_RESOURCE_TYPE, 1);
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      Admins: [`arn:aws:iam::${DOMAIN_ACCOUNT}:role/data-admin`],
      CrossAccountVersion: '5',
    });
  });

  test('creates the domain, product and classification LF-Tags; product values grow with the products', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Returns', { contract: ordersContract({ id: 'returns-contract', dataProduct: 'returns', productSlug: 'returns' }) });
    domain.addDataProduct('Orders', { contract: ordersContract() });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::LakeFormation::Tag', 3);
    template.hasResourceProperties('AWS::LakeFormation::Tag', { CatalogId: DOMAIN_ACCOUNT, TagKey: 'domain', TagValues: ['sales'] });
    template.hasResourceProperties('AWS::LakeFormation::Tag', { CatalogId: DOMAIN_ACCOUNT, TagKey: 'product', TagValues: ['orders', 'returns'] });
    template.hasResourceProperties('AWS::LakeFormation::Tag', {
      CatalogId: DOMAIN_ACCOUNT,
      TagKey: 'classification',
      TagValues: ['public', 'internal', 'confidential', 'restricted'],
    });
  });

  test('a domain without products has no product tag (Lake Formation refuses a tag without values)', () => {
    const { stack } = domainFixture();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::LakeFormation::Tag', 2);
  });

  test('takes its classification ontology from the props', () => {
    const { stack } = domainFixture({ classifications: ['open', 'secret'] });
    Template.fromStack(stack).hasResourceProperties('AWS::LakeFormation::Tag', { TagKey: 'classification', TagValues: ['open', 'secret'] });
  });

  /** A domain with one product: its template and resources, and the settings' logical id. */
  function withOrders() {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    const template = Template.fromStack(stack);
    const resources = template.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>;
    return { stack, domain, template, resources, settingsId: onlyLogicalId(template, DATA_LAKE_SETTINGS_RESOURCE_TYPE) };
  }

  test('every Lake Formation resource waits for the DataLakeSettings custom resource', () => {
    const { resources, settingsId } = withOrders();
    const lakeResources = Object.entries(resources).filter(([, r]) => /^AWS::(Glue|LakeFormation)::/.test(r.Type));
    expect(lakeResources.length).toBeGreaterThan(5);
    for (const [id] of lakeResources) {
      expect({ id, deploysAfter: deploysAfter(resources, id) }).toEqual({ id, deploysAfter: expect.arrayContaining([settingsId]) });
    }
  });

  test('lists the settings only where no other Lake Formation or Glue resource it waits for implies them', () => {
    const { resources, settingsId } = withOrders();
    const [[tableId, table]] = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Glue::Table');
    expect(table.DependsOn ?? []).not.toContain(settingsId);
    expect(deploysAfter(resources, tableId)).toContain(settingsId);
    // The registered location comes first; the database waits for it.
    const [[, registration]] = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::LakeFormation::Resource');
    expect(registration.DependsOn).toContain(settingsId);
  });

  test('what waits for the location registration lists only the registered location, which waits for its role and policy', () => {
    const { stack, domain, template, resources } = withOrders();
    const registrationId = onlyLogicalId(template, 'AWS::LakeFormation::Resource');
    const databaseId = onlyLogicalId(template, 'AWS::Glue::Database');
    expect(resources[databaseId].DependsOn).toEqual([registrationId]);
    expect(deploysAfter(resources, databaseId)).toEqual(
      expect.arrayContaining([registrationId, onlyLogicalId(template, 'AWS::IAM::ManagedPolicy'), stack.resolve((domain.registration.role.node.defaultChild as CfnResource).logicalId)]),
    );
  });
});

describe('DataDomain fails when', () => {
  test('meshName or domainName is not a lowercase slug, reporting both', () => {
    expect(() => domainFixture({ meshName: 'Retail', domainName: 'sales_eu' })).toThrow(
      [
        'meshName: meshName must be a lowercase slug (letters, digits, single hyphens, starting with a letter), got "Retail"; for example "sales" or "click-stream" [LM340]',
        'domainName: domainName must be a lowercase slug (letters, digits, single hyphens, starting with a letter), got "sales_eu"; for example "sales" or "click-stream" [LM340]',
      ].join('\n'),
    );
  });

  test('governanceAccount is not 12 digits', () => {
    expect(() => domainFixture({ governanceAccount: '1111-2222' })).toThrow(
      'governanceAccount: governanceAccount must be a 12-digit AWS account id, got "1111-2222" [LM341]',
    );
  });

  test('the bucket name would pass 63 characters', () => {
    expect(() => domainFixture({ meshName: 'a-very-long-mesh-name', domainName: 'with-a-long-domain-name' })).toThrow(
      'domainName: data bucket name "a-very-long-mesh-name-with-a-long-domain-name-222222222222-eu-west-1" is 68 characters, S3 allows 63; shorten meshName or domainName by 5 [LM342]',
    );
  });

  test('a governance account is named in a stack without a concrete environment', () => {
    expect(() => domainFixture({ governanceAccount: GOVERNANCE_ACCOUNT }, {})).toThrow(
      'governanceAccount: the governance account finds the data bucket by its name <mesh>-<domain>-<account>-<region>, but stack SalesDomain has no concrete account and region; give the stack an env with both [LM343]',
    );
  });

  test('the classification ontology is empty', () => {
    expect(() => domainFixture({ classifications: [] })).toThrow(
      'classifications: classifications is empty; list the ontology from least to most sensitive, e.g. public, internal, confidential, restricted [LM344]',
    );
  });

  test('the classification ontology repeats a value or holds an invalid one', () => {
    expect(() => domainFixture({ classifications: ['public', 'Public', 'top#secret'] })).toThrow(
      [
        'classifications[1]: classification "Public" is listed twice; remove one [LM344]',
        'classifications[2]: classification "top#secret" is not a valid LF-Tag value: use 1–256 letters, digits, spaces or _ . : * / = + - @ % [LM344]',
      ].join('\n'),
    );
  });

  test('a second domain is added to the same stack', () => {
    const { stack } = domainFixture();
    expect(() => new DataDomain(stack, 'Other', { meshName: 'retail', domainName: 'returns' })).toThrow(
      'domainName: stack SalesDomain already holds a DataDomain; Lake Formation settings and LF-Tags are per account, so put domain "returns" in its own stack and account [LM345]',
    );
  });

  test('two products share a product slug', () => {
    const { domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    expect(() => domain.addDataProduct('OrdersAgain', { contract: contract({ id: 'orders-v2', tables: ordersContract().tables }) })).toThrow(
      'dataProduct: product "orders" of contract orders-v2 is already in domain sales (contract orders-contract at SalesDomain/Domain/Orders); give one contract another dataProduct [LM346]',
    );
  });
});

describe('DataDomain producer catalog access', () => {
  test('refuses a role that is not one of the domain\'s producers', () => {
    const { stack, domain } = domainFixture();
    const product = domain.addDataProduct('Orders', { contract: ordersContract() });
    const stranger = iam.Role.fromRoleArn(stack, 'Stranger', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/stranger`);
    expect(() => domain.grantProducerCatalogAccess(stranger, product)).toThrow('SalesDomain/Stranger is not a producer of domain sales');
  });
});
