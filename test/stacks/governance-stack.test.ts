/**
 * `retail-governance` of the retail example (central-catalog): the LF-Tag ontology, per domain the
 * registration role and the cross-account registration of each product prefix, and per product the
 * central database and tables describing the producer's data, tagged, behind the account's Lake
 * Formation settings.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { CfnResourceJson, SynthesizedMesh, synthesizeMesh, withPartition } from '../support/mesh-app-fixture';
import { deploysAfter } from '../support/deploy-order';
import { CONTRACTS, DOMAIN_ACCOUNTS, GOVERNANCE_ACCOUNT } from '../app/mesh-app-expected';

const STACK = 'retail-governance';

interface ExpectedProduct {
  readonly domain: string;
  readonly product: string;
  readonly table: string;
  readonly partitionKeys: readonly string[];
  /** Classification → columns, from the contract. */
  readonly classifications: Readonly<Record<string, readonly string[]>>;
}

const PRODUCTS: readonly ExpectedProduct[] = [
  {
    domain: 'customers',
    product: 'profiles',
    table: 'customers',
    partitionKeys: [],
    classifications: {
      confidential: ['first_name', 'last_name', 'birth_year'],
      internal: ['customer_id', 'country_code', 'loyalty_tier', 'marketing_consent', 'registered_at'],
      restricted: ['email', 'phone'],
    },
  },
  {
    domain: 'customers',
    product: 'segments',
    table: 'customer_segments',
    partitionKeys: [],
    classifications: { internal: ['customer_id', 'segment', 'propensity_score', 'scored_at'] },
  },
  {
    domain: 'logistics',
    product: 'shipments',
    table: 'shipments',
    partitionKeys: ['ship_date'],
    classifications: {
      confidential: ['shipping_cost', 'destination'],
      internal: ['shipment_id', 'order_id', 'carrier', 'shipped_at', 'delivered_at', 'packages', 'ship_date'],
    },
  },
  {
    domain: 'sales',
    product: 'daily_revenue',
    table: 'daily_revenue',
    partitionKeys: ['revenue_date'],
    classifications: { internal: ['country_code', 'channel', 'order_count', 'gross_revenue', 'net_revenue', 'revenue_date'] },
  },
  {
    domain: 'sales',
    product: 'orders',
    table: 'orders',
    partitionKeys: ['order_date'],
    classifications: {
      confidential: ['customer_id', 'payment_method'],
      internal: ['order_id', 'ordered_at', 'channel', 'country_code', 'currency', 'gross_amount', 'net_amount', 'order_date'],
    },
  },
];

const bucketOf = (domain: string) => `retail-${domain}-${DOMAIN_ACCOUNTS[domain]}-eu-west-1`;
const databaseOf = (product: ExpectedProduct) => `${product.domain}_${product.product}`;

let synthesized: SynthesizedMesh;
beforeAll(() => {
  synthesized = synthesizeMesh();
});

const resources = (type: string) => synthesized.resources(STACK, type);
const only = <T>(items: readonly T[], what: string): T => {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0];
};

function databaseResource(name: string): [string, CfnResourceJson] {
  return only(
    resources('AWS::Glue::Database').filter(([, resource]) => (resource.Properties!.DatabaseInput as { Name: string }).Name === name),
    `database ${name}`,
  );
}

interface TableInput {
  readonly Name: string;
  readonly PartitionKeys: readonly { readonly Name: string }[];
  readonly StorageDescriptor: Record<string, unknown> & { readonly Location: unknown };
  readonly [key: string]: unknown;
}

function tableResource(stack: string, database: string, table: string): [string, CfnResourceJson] {
  return only(
    synthesized
      .resources(stack, 'AWS::Glue::Table')
      .filter(([, resource]) => resource.Properties!.DatabaseName === database && (resource.Properties!.TableInput as TableInput).Name === table),
    `table ${database}.${table} in ${stack}`,
  );
}

function roleOf(domain: string): [string, CfnResourceJson] {
  return only(
    resources('AWS::IAM::Role').filter(([, resource]) => resource.Properties!.RoleName === `retail-${domain}-registration`),
    `registration role of ${domain}`,
  );
}

/**
 * Every statement the role gets, wherever it is written: inline on the role, in an
 * `AWS::IAM::Policy` or a customer managed policy naming the role. An AWS managed policy attached
 * by ARN shows as a statement of its own, so that it cannot go unnoticed.
 */
function statementsAttachedTo(roleId: string): unknown[] {
  const role = synthesized.json(STACK).Resources[roleId];
  const inline = ((role.Properties!.Policies ?? []) as { PolicyDocument: { Statement: unknown[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement);
  const external = ((role.Properties!.ManagedPolicyArns ?? []) as unknown[]).map((arn) => ({ attachedManagedPolicy: arn }));
  const naming = [...resources('AWS::IAM::Policy'), ...resources('AWS::IAM::ManagedPolicy')].filter(([, policy]) =>
    ((policy.Properties!.Roles ?? []) as unknown[]).some((reference) => JSON.stringify(reference) === JSON.stringify({ Ref: roleId })),
  );
  const attached = naming.flatMap(([, policy]) => (policy.Properties!.PolicyDocument as { Statement: unknown[] }).Statement);
  return [...inline, ...attached, ...external];
}

describe('governance stack of the retail example', () => {
  test('holds the LF-Tag ontology plus domain and product keys valued with every domain and product slug', () => {
    const tags = resources('AWS::LakeFormation::Tag').map(([, resource]) => resource.Properties);
    expect(tags).toEqual([
      { CatalogId: GOVERNANCE_ACCOUNT, TagKey: 'classification', TagValues: ['public', 'internal', 'confidential', 'restricted'] },
      { CatalogId: GOVERNANCE_ACCOUNT, TagKey: 'domain', TagValues: ['customers', 'logistics', 'sales'] },
      { CatalogId: GOVERNANCE_ACCOUNT, TagKey: 'product', TagValues: ['daily_revenue', 'orders', 'profiles', 'segments', 'shipments'] },
    ]);
  });

  test('sets the account Lake Formation settings: the mesh admins, cross-account version 4', () => {
    synthesized.template(STACK).hasResourceProperties('Custom::LakemeshDataLakeSettings', {
      Admins: ['arn:aws:iam::111111111111:role/data-platform-admin'],
      CrossAccountVersion: '4',
      DeploymentAdmins: [Match.objectLike({ 'Fn::Sub': Match.stringLikeRegexp(':iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-eu-west-1$') })],
    });
    synthesized.template(STACK).resourceCountIs('Custom::LakemeshDataLakeSettings', 1);
  });

  test('every Glue and Lake Formation resource deploys after the Lake Formation settings', () => {
    const [settingsId] = only(resources('Custom::LakemeshDataLakeSettings'), 'settings');
    const catalogResources = Object.entries(synthesized.json(STACK).Resources).filter(([, resource]) => /^AWS::(Glue|LakeFormation)::/.test(resource.Type));
    expect(catalogResources.length).toBe(3 + 5 + 5 + 5 + 14 + 42 + 1);
    for (const [id] of catalogResources) expect({ id, after: deploysAfter(synthesized.json(STACK).Resources, id) }).toEqual({ id, after: expect.arrayContaining([settingsId]) });
  });

  describe.each(Object.keys(DOMAIN_ACCOUNTS).sort())('domain %s', (domain) => {
    const prefixes = PRODUCTS.filter((product) => product.domain === domain).map((product) => product.product);

    test('has a registration role named <mesh>-<domain>-registration that only Lake Formation can assume', () => {
      const [, role] = roleOf(domain);
      expect(role.Properties).toEqual({
        RoleName: `retail-${domain}-registration`,
        Description: expect.stringContaining(`${domain} domain's products in account ${DOMAIN_ACCOUNTS[domain]}`),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' } }],
        },
      });
    });

    test('the role may read exactly the product prefixes of the domain bucket, and decrypt only through S3', () => {
      const [roleId] = roleOf(domain);
      const bucket = `arn:aws:s3:::${bucketOf(domain)}`;
      const objects = prefixes.map((prefix) => `${bucket}/${prefix}/*`);
      expect(withPartition(statementsAttachedTo(roleId))).toEqual([
        { Action: 's3:GetObject', Effect: 'Allow', Resource: objects.length === 1 ? objects[0] : objects },
        { Action: 's3:ListBucket', Effect: 'Allow', Resource: bucket, Condition: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}/*`) } } },
        { Action: 's3:GetBucketLocation', Effect: 'Allow', Resource: bucket },
        {
          Action: 'kms:Decrypt',
          Effect: 'Allow',
          Resource: `arn:aws:kms:eu-west-1:${DOMAIN_ACCOUNTS[domain]}:key/*`,
          Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        },
      ]);
    });

    test('registers each product prefix of the producer bucket with the custom role, not the service-linked role', () => {
      const [roleId] = roleOf(domain);
      const registrations = resources('AWS::LakeFormation::Resource')
        .map(([, resource]) => withPartition(resource.Properties))
        .filter((properties) => String((properties as { ResourceArn: string }).ResourceArn).includes(bucketOf(domain)));
      expect(registrations).toEqual(
        prefixes.map((prefix) => ({
          ResourceArn: `arn:aws:s3:::${bucketOf(domain)}/${prefix}`,
          RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
          UseServiceLinkedRole: false,
        })),
      );
    });

    test('the bucket and role it registers are the ones the domain stack creates and trusts', () => {
      const domainStack = `retail-domain-${domain}`;
      const [, bucket] = only(
        synthesized.resources(domainStack, 'AWS::S3::Bucket').filter(([, resource]) => resource.Properties!.BucketName !== undefined),
        'named bucket',
      );
      expect(bucket.Properties!.BucketName).toBe(bucketOf(domain));
      const policyText = JSON.stringify(withPartition(synthesized.resources(domainStack, 'AWS::S3::BucketPolicy')));
      expect(policyText).toContain(`arn:aws:iam::${GOVERNANCE_ACCOUNT}:role/retail-${domain}-registration`);
    });
  });

  test('registers nothing but the product prefixes', () => {
    expect(resources('AWS::LakeFormation::Resource')).toHaveLength(PRODUCTS.length);
    expect(resources('AWS::IAM::Role').map(([, resource]) => resource.Properties!.RoleName ?? '(unnamed)').sort()).toEqual([
      '(unnamed)',
      'retail-customers-registration',
      'retail-logistics-registration',
      'retail-sales-registration',
    ]);
  });

  describe.each(PRODUCTS.map((product) => ({ ...product, name: `${product.domain}.${product.product}` })))('product $name', (product) => {
    const database = databaseOf(product);
    const contract = CONTRACTS[`${product.domain}.${product.product}`];

    test('has a central database <domain>_<product> on the producer prefix, with no default permissions for new tables', () => {
      const [, resource] = databaseResource(database);
      expect(resource.Properties).toEqual({
        CatalogId: GOVERNANCE_ACCOUNT,
        DatabaseInput: {
          Name: database,
          Description: expect.any(String),
          LocationUri: `s3://${bucketOf(product.domain)}/${product.product}/`,
          CreateTableDefaultPermissions: [],
          Parameters: { 'lakemesh.contractId': contract.id, 'lakemesh.contractVersion': contract.version },
        },
      });
      expect(resource.Metadata?.['lakemesh:product']).toEqual({
        product: `${product.domain}.${product.product}`,
        contractId: contract.id,
        contractVersion: contract.version,
        owner: expect.any(String),
      });
    });

    test('the database deploys after the registration of its prefix', () => {
      const [databaseId] = databaseResource(database);
      const [registrationId] = only(
        resources('AWS::LakeFormation::Resource').filter(
          ([, registration]) => (withPartition(registration.Properties) as { ResourceArn: string }).ResourceArn === `arn:aws:s3:::${bucketOf(product.domain)}/${product.product}`,
        ),
        'registration',
      );
      expect(deploysAfter(synthesized.json(STACK).Resources, databaseId)).toContain(registrationId);
    });

    test("has the producer's table: same columns, partition keys, format and parameters, located in the producer bucket", () => {
      const [, central] = tableResource(STACK, database, product.table);
      const [, producer] = tableResource(`retail-domain-${product.domain}`, database, product.table);
      const centralInput = central.Properties!.TableInput as TableInput;
      const producerInput = producer.Properties!.TableInput as TableInput;
      expect(central.Properties!.CatalogId).toBe(GOVERNANCE_ACCOUNT);
      expect(centralInput.PartitionKeys.map((key) => key.Name)).toEqual(product.partitionKeys);
      expect(centralInput.StorageDescriptor.Location).toBe(`s3://${bucketOf(product.domain)}/${product.product}/${product.table}/`);
      const withoutLocation = (input: TableInput) => ({ ...input, StorageDescriptor: { ...input.StorageDescriptor, Location: undefined } });
      expect(withoutLocation(centralInput)).toEqual(withoutLocation(producerInput));
      expect(centralInput.Parameters).toMatchObject({ 'lakemesh.contractId': contract.id, 'lakemesh.contractVersion': contract.version, 'lakemesh.status': 'active' });
    });

    test('the table deploys after its database', () => {
      const [databaseId] = databaseResource(database);
      const [tableId] = tableResource(STACK, database, product.table);
      expect(deploysAfter(synthesized.json(STACK).Resources, tableId)).toContain(databaseId);
    });

    test('tags the database with its domain and product, after the tags and the database exist', () => {
      const [databaseId] = databaseResource(database);
      const associations = resources('AWS::LakeFormation::TagAssociation').filter(
        ([, resource]) => JSON.stringify((resource.Properties!.Resource as Record<string, unknown>).Database) === JSON.stringify({ CatalogId: GOVERNANCE_ACCOUNT, Name: database }),
      );
      const [associationId, association] = only(associations, 'database tag association');
      expect(association.Properties!.LFTags).toEqual([
        { CatalogId: GOVERNANCE_ACCOUNT, TagKey: 'domain', TagValues: [product.domain] },
        { CatalogId: GOVERNANCE_ACCOUNT, TagKey: 'product', TagValues: [product.product] },
      ]);
      const tagIds = resources('AWS::LakeFormation::Tag')
        .filter(([, tag]) => ['domain', 'product'].includes(tag.Properties!.TagKey as string))
        .map(([id]) => id);
      expect(deploysAfter(synthesized.json(STACK).Resources, associationId)).toEqual(expect.arrayContaining([databaseId, ...tagIds]));
    });

    test('tags every column with its contract classification, after the classification tag and the table exist', () => {
      const [tableId] = tableResource(STACK, database, product.table);
      const [classificationTagId] = only(
        resources('AWS::LakeFormation::Tag').filter(([, tag]) => tag.Properties!.TagKey === 'classification'),
        'classification tag',
      );
      const associations = resources('AWS::LakeFormation::TagAssociation').filter(([, resource]) => {
        const columns = (resource.Properties!.Resource as { TableWithColumns?: { DatabaseName: string; Name: string } }).TableWithColumns;
        return columns?.DatabaseName === database && columns.Name === product.table;
      });
      const byClassification = Object.fromEntries(
        associations.map(([, resource]) => {
          const [tag] = resource.Properties!.LFTags as { TagKey: string; TagValues: string[] }[];
          const columns = (resource.Properties!.Resource as { TableWithColumns: { CatalogId: string; ColumnNames: string[] } }).TableWithColumns;
          expect({ key: tag.TagKey, catalog: columns.CatalogId }).toEqual({ key: 'classification', catalog: GOVERNANCE_ACCOUNT });
          return [tag.TagValues.join(','), [...columns.ColumnNames].sort()];
        }),
      );
      const expected = Object.fromEntries(Object.entries(product.classifications).map(([classification, columns]) => [classification, [...columns].sort()]));
      expect(byClassification).toEqual(expected);
      for (const [associationId] of associations) expect(deploysAfter(synthesized.json(STACK).Resources, associationId)).toEqual(expect.arrayContaining([tableId, classificationTagId]));
    });
  });

  test('holds five databases, five tables and one tag association per database and per classification of a table', () => {
    const template = synthesized.template(STACK);
    template.resourceCountIs('AWS::Glue::Database', 5);
    template.resourceCountIs('AWS::Glue::Table', 5);
    const columnGroups = PRODUCTS.reduce((count, product) => count + Object.keys(product.classifications).length, 0);
    template.resourceCountIs('AWS::LakeFormation::TagAssociation', PRODUCTS.length + columnGroups);
  });
});
