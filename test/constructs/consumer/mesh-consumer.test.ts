import { App, Aws, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { CONSUMER_CODES } from '../../../constructs/consumer/codes';
import {
  ConsumedProduct,
  DEFAULT_ATTACH_ACCESS_POLICY,
  DEFAULT_ORGANIZATION,
  MeshConsumer,
  MeshConsumerProps,
} from '../../../constructs/consumer/mesh-consumer';
import { RamInvitationAcceptance } from '../../../constructs/consumer/ram-invitation-acceptance';
import { LakemeshError } from '../../../lib/errors';
import { GRANT_METADATA_KEY, grantMetadataRecord } from '../../../lib/grants/grant-metadata';
import { DataMeshChecks } from '../../../lib/nag';

const GOVERNANCE = '111111111111';
const PRODUCER = '222222222222';
const CONSUMER = '444444444444';
const REGION = 'eu-west-1';
const ANALYST = `arn:aws:iam::${CONSUMER}:role/marketing-analyst`;
const SCIENTIST = `arn:aws:iam::${CONSUMER}:role/teams/data-scientist`;
const BOB = `arn:aws:iam::${CONSUMER}:user/bob`;

const ACCEPTANCE_TYPE = 'Custom::LakemeshRamInvitationAcceptance';
const PERMISSIONS_TYPE = 'AWS::LakeFormation::PrincipalPermissions';

const ORDERS: ConsumedProduct = {
  product: 'sales.orders',
  databaseName: 'sales_orders',
  catalogId: GOVERNANCE,
  contractId: 'urn:contract:sales-orders',
  contractVersion: '1.2.0',
  grants: [
    { role: 'analyst', purpose: 'campaign attribution', requestedBy: 'ana@example.com', approvedBy: 'sales-dpo@example.com', expires: '2027-06-30' },
    { role: 'auditor', purpose: 'revenue audit', requestedBy: 'bo@example.com', approvedBy: 'sales-dpo@example.com', expires: '2027-01-31' },
  ],
};
const LEDGER: ConsumedProduct = {
  product: 'finance.ledger',
  databaseName: 'finance_ledger',
  catalogId: PRODUCER,
  contractId: 'urn:contract:finance-ledger',
  contractVersion: '3.0.0',
  grants: [{ role: 'reader', purpose: 'forecasting', requestedBy: 'ana@example.com', approvedBy: 'cfo@example.com' }],
};

function consumerStack(env: { account?: string; region?: string } = { account: CONSUMER, region: REGION }): Stack {
  return new Stack(new App(), 'Consumer', { env });
}

function baseProps(overrides: Partial<MeshConsumerProps> = {}): MeshConsumerProps {
  return { consumerName: 'marketing', principals: [ANALYST, BOB], products: [ORDERS, LEDGER], ...overrides };
}

function build(overrides: Partial<MeshConsumerProps> = {}, stack = consumerStack()): { stack: Stack; consumer: MeshConsumer; template: Template } {
  const consumer = new MeshConsumer(stack, 'Consumer', baseProps(overrides));
  return { stack, consumer, template: Template.fromStack(stack) };
}

function problemsOf(overrides: Partial<MeshConsumerProps>, stack = consumerStack()): string {
  try {
    new MeshConsumer(stack, 'Consumer', baseProps(overrides));
  } catch (error) {
    if (error instanceof LakemeshError) return error.message;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

/** The logical id of `construct`, or of the CloudFormation resource it wraps (its default child, recursively). */
function logicalId(stack: Stack, construct: IConstruct | undefined): string {
  let node = construct;
  while (node !== undefined && !CfnResource.isCfnResource(node)) node = node.node.defaultChild;
  if (node === undefined) throw new Error(`${construct?.node.path} wraps no CloudFormation resource`);
  return stack.resolve(node.logicalId);
}

/** Evaluates the `Fn::Join`s of ARNs built with `formatArn` in partition `aws`. */
function rendered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rendered);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.Ref === 'AWS::Partition') return 'aws';
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return parts.map(rendered).join(separator);
    }
    return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, rendered(inner)]));
  }
  return value;
}

describe('lake formation settings', () => {
  test('the stack gets its DataLakeSettings, with crossAccountVersion and admins passed through', () => {
    const stack = consumerStack();
    const admin = iam.Role.fromRoleArn(stack, 'Admin', `arn:aws:iam::${CONSUMER}:role/lake-admin`);
    const { template } = build({ crossAccountVersion: 5, admins: [admin] }, stack);

    template.resourceCountIs('Custom::LakemeshDataLakeSettings', 1);
    template.hasResourceProperties('Custom::LakemeshDataLakeSettings', { CrossAccountVersion: '5', Admins: [`arn:aws:iam::${CONSUMER}:role/lake-admin`] });
  });

  test('every link waits for the settings (creating it takes a data lake admin)', () => {
    const { stack, consumer, template } = build();
    const settings = logicalId(stack, consumer.lakeFormationSettings.resource);

    template.hasResource('AWS::Glue::Database', { DependsOn: Match.arrayWith([settings]) });
    expect(Object.values(template.findResources('AWS::Glue::Database')).every((link) => (link.DependsOn as string[]).includes(settings))).toBe(true);
  });
});

describe('resource links', () => {
  test('one per product, in the consumer catalog, pointing at the owning catalog and database', () => {
    const { template } = build();

    template.resourceCountIs('AWS::Glue::Database', 2);
    template.hasResourceProperties('AWS::Glue::Database', {
      CatalogId: CONSUMER,
      DatabaseInput: { Name: 'sales_orders', TargetDatabase: { CatalogId: GOVERNANCE, DatabaseName: 'sales_orders', Region: Match.absent() } },
    });
    template.hasResourceProperties('AWS::Glue::Database', {
      CatalogId: CONSUMER,
      DatabaseInput: { Name: 'finance_ledger', TargetDatabase: { CatalogId: PRODUCER, DatabaseName: 'finance_ledger', Region: Match.absent() } },
    });
  });

  test('name the target region when the product gives one', () => {
    const { template } = build({ products: [{ ...ORDERS, region: 'eu-central-1' }] });

    template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: { TargetDatabase: { CatalogId: GOVERNANCE, DatabaseName: 'sales_orders', Region: 'eu-central-1' } },
    });
  });

  test('set no CreateTableDefaultPermissions: a link holds no tables of its own', () => {
    const { template } = build();

    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { CreateTableDefaultPermissions: Match.absent() } });
  });

  test('are reachable by database name, sorted', () => {
    const { stack, consumer } = build();

    expect(consumer.links.map((link) => stack.resolve((link.databaseInput as { name: string }).name))).toEqual(['finance_ledger', 'sales_orders']);
    expect(consumer.link('sales_orders')).toBe(consumer.links[1]);
  });

  test('link() fails on a database the consumer does not link, with a hint', () => {
    const { consumer } = build();

    expect(() => consumer.link('sales_order')).toThrow(
      'consumer marketing has no resource link "sales_order" (it links finance_ledger, sales_orders); did you mean "sales_orders"? [LM448]',
    );
  });
});

describe('DESCRIBE on the links', () => {
  test('is granted to each principal on each link, in the consumer catalog', () => {
    const { template } = build();

    for (const principal of [ANALYST, BOB]) {
      for (const name of ['sales_orders', 'finance_ledger']) {
        template.hasResourceProperties(PERMISSIONS_TYPE, {
          Catalog: CONSUMER,
          Principal: { DataLakePrincipalIdentifier: principal },
          Resource: { Database: { CatalogId: CONSUMER, Name: name } },
          Permissions: ['DESCRIBE'],
          PermissionsWithGrantOption: [],
        });
      }
    }
  });

  test('carries the audit record of every grant the link serves', () => {
    const { template } = build();
    const metadataOf = (principal: string, name: string) => {
      const found = Object.values(
        template.findResources(PERMISSIONS_TYPE, { Properties: { Principal: { DataLakePrincipalIdentifier: principal }, Resource: { Database: { Name: name } } } }),
      );
      expect(found).toHaveLength(1);
      return grantMetadataRecord(found[0].Metadata[GRANT_METADATA_KEY]);
    };

    expect(metadataOf(ANALYST, 'sales_orders')).toEqual({
      product: 'sales.orders',
      table: null,
      consumer: 'marketing',
      contractId: 'urn:contract:sales-orders',
      contractVersion: '1.2.0',
      roles: ['analyst', 'auditor'],
      purposes: ['campaign attribution', 'revenue audit'],
      requestedBy: ['ana@example.com', 'bo@example.com'],
      approvedBy: ['sales-dpo@example.com'],
      expires: '2027-01-31',
      columns: [],
      withheldColumns: [],
      restrictedColumns: [],
      includeColumns: [],
      rowFilter: null,
    });
    expect(metadataOf(BOB, 'finance_ledger')).toMatchObject({ product: 'finance.ledger', contractVersion: '3.0.0', roles: ['reader'], expires: null });
  });

  test('is all that is granted here: nothing on the targets, no SELECT, no grant option', () => {
    const { template } = build();
    const grants = Object.values(template.findResources(PERMISSIONS_TYPE));

    expect(grants).toHaveLength(4);
    for (const grant of grants) {
      expect(grant.Properties).toEqual({
        Catalog: CONSUMER,
        Principal: { DataLakePrincipalIdentifier: expect.stringMatching(/^arn:aws:iam::444444444444:(role|user)\//) },
        Resource: { Database: { CatalogId: CONSUMER, Name: expect.stringMatching(/^(sales_orders|finance_ledger)$/) } },
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: [],
      });
    }
    template.resourceCountIs('AWS::LakeFormation::DataCellsFilter', 0);
    template.resourceCountIs('AWS::LakeFormation::Permissions', 0);
  });

  test('waits for its link', () => {
    const { stack, consumer, template } = build();
    const link = logicalId(stack, consumer.link('sales_orders'));

    template.hasResource(PERMISSIONS_TYPE, {
      Properties: { Resource: { Database: { Name: 'sales_orders' } } },
      DependsOn: Match.arrayWith([link]),
    });
    expect(consumer.linkPermissions).toHaveLength(4);
  });

  test('a principal listed twice is granted once', () => {
    const { template } = build({ principals: [ANALYST, ANALYST] });

    template.resourceCountIs(PERMISSIONS_TYPE, 2);
  });
});

describe('ram invitation acceptance', () => {
  test('accepts the invitations of every other account owning a linked database', () => {
    expect(DEFAULT_ORGANIZATION).toBe(false);
    const own: ConsumedProduct = { ...LEDGER, product: 'marketing.segments', databaseName: 'marketing_segments', catalogId: CONSUMER };
    const { template } = build({ products: [ORDERS, LEDGER, own] });

    template.hasResourceProperties(ACCEPTANCE_TYPE, {
      SenderAccountIds: [GOVERNANCE, PRODUCER],
      GrantedResources: ['finance_ledger', 'sales_orders'],
      MaxWaitSeconds: RamInvitationAcceptance.DEFAULT_MAX_WAIT.toSeconds(),
    });
  });

  test('passes ramMaxWait through', () => {
    const { template } = build({ ramMaxWait: Duration.minutes(10) });

    template.hasResourceProperties(ACCEPTANCE_TYPE, { MaxWaitSeconds: 600 });
  });

  test('comes before every link', () => {
    const { stack, consumer, template } = build();
    const acceptance = logicalId(stack, consumer.invitationAcceptance);
    const links = Object.values(template.findResources('AWS::Glue::Database'));

    expect(links).toHaveLength(2);
    for (const link of links) expect(link.DependsOn).toContain(acceptance);
  });

  test('is skipped with organization: true, and links then depend on nothing but the settings', () => {
    const { stack, consumer, template } = build({ organization: true });

    expect(consumer.invitationAcceptance).toBeUndefined();
    template.resourceCountIs(ACCEPTANCE_TYPE, 0);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    const settings = logicalId(stack, consumer.lakeFormationSettings.resource);
    for (const link of Object.values(template.findResources('AWS::Glue::Database'))) expect(link.DependsOn).toEqual([settings]);
  });

  test('is skipped when every database is in the consumer account itself', () => {
    const { consumer, template } = build({ products: [{ ...LEDGER, catalogId: CONSUMER }] });

    expect(consumer.invitationAcceptance).toBeUndefined();
    template.resourceCountIs(ACCEPTANCE_TYPE, 0);
  });

  test('leaves out a database of another region, with a warning: its invitation arrives there', () => {
    const { stack, template } = build({ products: [ORDERS, { ...LEDGER, region: 'us-east-1' }] });

    template.hasResourceProperties(ACCEPTANCE_TYPE, { SenderAccountIds: [GOVERNANCE], GrantedResources: ['sales_orders'] });
    Annotations.fromStack(stack).hasWarning(
      '/Consumer/Consumer',
      Match.stringLikeRegexp('finance.ledger is shared from region us-east-1, and ram sends its invitation there, not to eu-west-1'),
    );
  });

  test('a database of the stack region named explicitly is accepted here without a warning', () => {
    const { stack, template } = build({ products: [{ ...ORDERS, region: REGION }] });

    template.hasResourceProperties(ACCEPTANCE_TYPE, { SenderAccountIds: [GOVERNANCE] });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('the access policy', () => {
  test('allows GetDataAccess and the glue reads on the links and on their targets', () => {
    const { template } = build();
    const [policy] = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
    const glue = (account: string, resource: string) => `arn:aws:glue:${REGION}:${account}:${resource}`;

    expect(rendered(policy.Properties.PolicyDocument)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'lakeformation:GetDataAccess', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['glue:BatchGetPartition', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables'],
          Resource: [
            glue(CONSUMER, 'catalog'),
            glue(PRODUCER, 'catalog'),
            glue(CONSUMER, 'database/finance_ledger'),
            glue(CONSUMER, 'table/finance_ledger/*'),
            glue(PRODUCER, 'database/finance_ledger'),
            glue(PRODUCER, 'table/finance_ledger/*'),
            glue(GOVERNANCE, 'catalog'),
            glue(CONSUMER, 'database/sales_orders'),
            glue(CONSUMER, 'table/sales_orders/*'),
            glue(GOVERNANCE, 'database/sales_orders'),
            glue(GOVERNANCE, 'table/sales_orders/*'),
          ],
        },
      ],
    });
  });

  test('names the target region of a cross-region product', () => {
    const { template } = build({ products: [{ ...ORDERS, region: 'us-east-1' }] });
    const [policy] = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
    const resources = (rendered(policy.Properties.PolicyDocument) as { Statement: { Resource: string[] }[] }).Statement[1].Resource;

    expect(resources).toEqual(expect.arrayContaining([`arn:aws:glue:us-east-1:${GOVERNANCE}:database/sales_orders`, `arn:aws:glue:${REGION}:${CONSUMER}:database/sales_orders`]));
  });

  test('is attached to each role and user by name, roles with a path included', () => {
    const { template } = build({ principals: [SCIENTIST, BOB, ANALYST] });

    expect(DEFAULT_ATTACH_ACCESS_POLICY).toBe(true);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: ['marketing-analyst', 'data-scientist'], Users: ['bob'] });
  });

  test('is created but attached to nobody with attachAccessPolicy: false', () => {
    const { consumer, template } = build({ attachAccessPolicy: false });

    expect(consumer.accessPolicies).toHaveLength(1);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: Match.absent(), Users: Match.absent() });
  });

  test('is not created when nothing is shared', () => {
    const { consumer, template } = build({ products: [] });

    expect(consumer.accessPolicies).toEqual([]);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    template.resourceCountIs('AWS::Glue::Database', 0);
    template.resourceCountIs(ACCEPTANCE_TYPE, 0);
  });

  test('is left to the user for a principal known only at deploy time, which still gets its DESCRIBE', () => {
    const { stack, template } = build({ principals: [ANALYST, Aws.ACCOUNT_ID] });

    template.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: ['marketing-analyst'], Users: Match.absent() });
    template.hasResourceProperties(PERMISSIONS_TYPE, { Principal: { DataLakePrincipalIdentifier: { Ref: 'AWS::AccountId' } } });
    Annotations.fromStack(stack).hasWarning('/Consumer/Consumer', Match.stringLikeRegexp('principal \{"Ref":"AWS::AccountId"\} is only known at deploy time, so it cannot be told a role or a user and gets no access policy'));
  });

  test('is split over several policies for many products, each attached, with a warning past the quota', () => {
    const many = Array.from({ length: 180 }, (_, i): ConsumedProduct => ({ ...LEDGER, product: `finance.p${i}`, databaseName: `finance_product_number_${String(i).padStart(3, '0')}` }));
    const { stack, consumer, template } = build({ products: many, principals: [ANALYST] });

    expect(consumer.accessPolicies.length).toBeGreaterThan(10);
    for (const policy of Object.values(template.findResources('AWS::IAM::ManagedPolicy'))) {
      expect(JSON.stringify(rendered(policy.Properties.PolicyDocument)).length).toBeLessThanOrEqual(6144);
      expect(policy.Properties.Roles).toEqual(['marketing-analyst']);
    }
    Annotations.fromStack(stack).hasWarning('/Consumer/Consumer', Match.stringLikeRegexp(`each principal gets ${consumer.accessPolicies.length} managed policies`));
  });
});

describe('stability', () => {
  test('reordering products and principals changes nothing in the template', () => {
    const a = build({ products: [ORDERS, LEDGER], principals: [ANALYST, BOB, SCIENTIST] }).template.toJSON();
    const b = build({ products: [LEDGER, ORDERS], principals: [SCIENTIST, BOB, ANALYST] }).template.toJSON();

    expect(b).toEqual(a);
  });

  test('adding a product keeps the logical ids of what exists', () => {
    const before = Object.keys(build({ products: [ORDERS] }).template.toJSON().Resources);
    const after = Object.keys(build({ products: [LEDGER, ORDERS] }).template.toJSON().Resources);

    expect(after).toEqual(expect.arrayContaining(before));
  });
});

describe('fails when', () => {
  test('there is no principal', () => {
    expect(problemsOf({ principals: [] })).toBe(
      'principals: needs at least one iam role or user arn of account 444444444444: list who in the consumer account queries the granted products [LM440]',
    );
  });

  test.each([
    ['*', 'principals[0]: wildcards are not allowed in principals, got "*"; name each role or user [LM441]'],
    [`arn:aws:iam::${CONSUMER}:root`, `principals[0]: an account root gives the whole account access, got "arn:aws:iam::${CONSUMER}:root"; name an IAM role or user ARN instead [LM441]`],
    ['IAM_ALLOWED_PRINCIPALS', 'principals[0]: expected an IAM role or user ARN like "arn:aws:iam::123456789012:role/analyst", got "IAM_ALLOWED_PRINCIPALS" [LM441]'],
  ])('a principal is %s', (principal, message) => {
    expect(problemsOf({ principals: [principal] })).toBe(message);
  });

  test('a principal belongs to another account', () => {
    expect(problemsOf({ principals: [ANALYST, `arn:aws:iam::${GOVERNANCE}:role/analyst`] })).toBe(
      `principals[1]: "arn:aws:iam::${GOVERNANCE}:role/analyst" belongs to account ${GOVERNANCE}, but this consumer stack deploys to account ${CONSUMER}, and its resource links serve only principals of its own account: list principals of account ${CONSUMER}, or give account ${GOVERNANCE} its own consumer [LM442]`,
    );
  });

  test('a catalog id is not 12 digits', () => {
    expect(problemsOf({ products: [{ ...ORDERS, catalogId: '1111-1111-1111' }] })).toBe(
      'products[0].catalogId: account id must be 12 digits, got "1111-1111-1111"; copy it from the AWS console (no dashes or spaces) [LM443]',
    );
  });

  test('two products link one database name', () => {
    expect(problemsOf({ products: [ORDERS, LEDGER, { ...LEDGER, catalogId: GOVERNANCE }] })).toBe(
      'products[2].databaseName: database "finance_ledger" is already linked by products[1]: one resource link per database name; list each product once, with all of its grants [LM444]',
    );
  });

  test('a database name is one athena cannot query', () => {
    expect(problemsOf({ products: [{ ...ORDERS, databaseName: 'Sales-Orders' }] })).toBe(
      'products[0].databaseName: "Sales-Orders" is not a database name athena can query: use 1 to 255 lowercase letters, digits and underscores, e.g. "sales_orders" [LM445]',
    );
  });

  test('a product lists no grants', () => {
    expect(problemsOf({ products: [{ ...ORDERS, grants: [] }] })).toBe(
      'products[0].grants: product sales.orders lists no grants: a resource link exists for the grants it serves, and its audit record names them; list the grants (role, purpose, requestedBy, approvedBy) or remove the product [LM446]',
    );
  });

  test('a region is not an aws region', () => {
    expect(problemsOf({ products: [{ ...ORDERS, region: 'Ireland' }] })).toBe(
      `products[0].region: expected an AWS region such as "eu-west-1", got "Ireland"; leave region out for a database in the stack's region [LM447]`,
    );
  });

  test('several things are wrong: every problem is reported at once', () => {
    const error = (() => {
      try {
        new MeshConsumer(consumerStack(), 'Consumer', baseProps({ principals: ['*'], products: [{ ...ORDERS, catalogId: 'x', grants: [] }] }));
      } catch (caught) {
        return caught as LakemeshError;
      }
      throw new Error('expected a LakemeshError');
    })();

    expect(error.problems.map((problem) => problem.code)).toEqual([
      CONSUMER_CODES.invalidPrincipal,
      CONSUMER_CODES.invalidCatalogId,
      CONSUMER_CODES.noGrants,
    ]);
  });
});

describe('an environment-agnostic stack', () => {
  test('accepts principals of any account, and links in its own catalog', () => {
    const { template } = build({ principals: [`arn:aws:iam::${GOVERNANCE}:role/analyst`] }, consumerStack({}));

    template.hasResourceProperties('AWS::Glue::Database', { CatalogId: { Ref: 'AWS::AccountId' } });
    template.hasResourceProperties(PERMISSIONS_TYPE, { Resource: { Database: { CatalogId: { Ref: 'AWS::AccountId' }, Name: 'sales_orders' } } });
    template.hasResourceProperties(ACCEPTANCE_TYPE, { SenderAccountIds: [GOVERNANCE, PRODUCER] });
  });
});

describe('checks', () => {
  function awsSolutionsErrors(stack: Stack): { rule: string; at: (string | undefined)[] }[] {
    const report = new AwsSolutionsChecks().validateScope(stack);
    return report.violations.filter((v) => v.severity === 'error').map((v) => ({ rule: v.ruleName, at: v.violatingResources.map((r) => r.constructPath) }));
  }

  test('cdk-nag AwsSolutions finds no unacknowledged error', () => {
    const { stack } = build();

    expect(awsSolutionsErrors(stack)).toEqual([]);
  });

  test('the acknowledgements stay narrow: a wildcard the consumer did not write is still reported', () => {
    const { stack, consumer } = build();
    consumer.accessPolicies[0].addStatements(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::somebody-elses-bucket/*'] }));

    expect(awsSolutionsErrors(stack)).toEqual([
      { rule: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::somebody-elses-bucket/*]', at: ['Consumer/Consumer/AccessPolicy/Resource'] },
    ]);
  });

  test('DataMeshChecks finds nothing', () => {
    const { stack } = build();

    expect(new DataMeshChecks().validateScope(stack).violations).toEqual([]);
  });
});
