/**
 * Names that break AWS limits are caught by `lakemesh validate`, before a deploy (or a synth) can
 * fail on them: S3 bucket names, Glue database/table/column names, LF-Tag keys and values, IAM
 * principal names and CloudFormation stack names. Each check sits exactly at the AWS limit.
 */
import { App, Stack } from 'aws-cdk-lib';
import { MESH_CODES } from '../../lib/config/codes';
import { MAX_BUCKET_NAME_LENGTH, MAX_STACK_NAME_LENGTH } from '../../lib/config/naming';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { consumerStackName } from '../../lib/stacks/stack-names';
import { dataCellsFilterName, MAX_FILTER_NAME_LENGTH } from '../../lib/plan/row-filter';
import { ExampleCopy, MESH, ORDERS } from './hostile-fixture';

const without = (problem: { code: string; path: string; message: string }) => ({ code: problem.code, path: problem.path, message: problem.message });

/** The example with consumer `finance` renamed to `name` everywhere. */
function withFinanceNamed(name: string): ExampleCopy {
  const example = new ExampleCopy();
  example.write(MESH, example.read(MESH).replace(/consumer: finance\n/g, `consumer: ${name}\n`).replace('  - name: finance\n', `  - name: ${name}\n`));
  return example;
}

describe('S3 bucket names (<mesh>-<domain>-<account>-<region>, at most 63 characters)', () => {
  test('a mesh name that makes a bucket name too long is reported per domain, with how much to cut', () => {
    const mesh = 'retail-emea-north-division-xyzw';
    const example = new ExampleCopy().replace(MESH, 'name: retail\n', `name: ${mesh}\n`);
    const bucket = `${mesh}-customers-333333333333-eu-west-1`;
    expect(bucket.length).toBe(MAX_BUCKET_NAME_LENGTH + 1);
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidBucketName,
        path: 'domains[1].name',
        message: `the domain bucket name "${bucket}" is 64 characters, more than the 63 S3 allows; shorten the mesh name "${mesh}" or the domain name "customers" by 1 characters together`,
      },
      {
        code: MESH_CODES.invalidBucketName,
        path: 'domains[2].name',
        message: `the domain bucket name "${mesh}-logistics-555555555555-eu-west-1" is 64 characters, more than the 63 S3 allows; shorten the mesh name "${mesh}" or the domain name "logistics" by 1 characters together`,
      },
    ]);
  });

  test('a bucket name of exactly 63 characters is accepted', () => {
    const example = new ExampleCopy().replace(MESH, 'name: retail\n', 'name: retail-emea-north-division-xyz\n');
    expect('retail-emea-north-division-xyz-customers-333333333333-eu-west-1').toHaveLength(MAX_BUCKET_NAME_LENGTH);
    expect(example.load().name).toBe('retail-emea-north-division-xyz');
  });

  test('a mesh name that gives a bucket name with a prefix S3 reserves', () => {
    const example = new ExampleCopy().replace(MESH, 'name: retail\n', 'name: sthree\n');
    expect(example.problems().map(without)).toEqual(
      ['sales-222222222222', 'customers-333333333333', 'logistics-555555555555'].map((domainAndAccount, index) => ({
        code: MESH_CODES.invalidBucketName,
        path: `domains[${index}].name`,
        message: `the domain bucket name "sthree-${domainAndAccount}-eu-west-1" starts with "sthree-", which S3 reserves; rename the mesh`,
      })),
    );
  });

  test('names with characters S3 refuses are not slugs', () => {
    const example = new ExampleCopy().replace(MESH, 'name: retail\n', 'name: Retail_Mesh\n');
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidName,
        path: 'name',
        message: 'mesh name "Retail_Mesh" is not a lowercase slug; use lowercase letters, digits and single hyphens, starting with a letter, e.g. "retail-mesh"',
      },
    ]);
  });
});

describe('Glue names (at most 255 characters)', () => {
  test('a product whose database name <domain>_<product> passes 255 characters', () => {
    const product = `orders ${'x'.repeat(250)}`;
    const example = new ExampleCopy().replace(ORDERS, 'dataProduct: Orders', `dataProduct: ${product}`);
    example.write(MESH, example.read(MESH).replace(/product: sales\.orders\n/g, `product: sales.orders_${'x'.repeat(250)}\n`));
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.databaseNameTooLong,
        path: 'domains[0].products[0]',
        message: `the Glue database name "sales_orders_${'x'.repeat(27)}…" is 263 characters, more than the 255 Glue allows; shorten the contract's dataProduct or the domain name`,
      },
    ]);
  });

  test('a table name over 255 characters', () => {
    const table = 'o'.repeat(256);
    const example = new ExampleCopy().replace(ORDERS, '    physicalName: orders\n', `    physicalName: ${table}\n`);
    expect(example.problems().map(without)).toContainEqual({
      code: CONTRACT_CODES.invalidTableName,
      path: 'schema[0].physicalName',
      message: `table name "${table}" is 256 characters long, more than the 255 Glue allows; set a shorter physicalName`,
    });
  });

  test('a column name over 255 characters', () => {
    const column = `currency${'x'.repeat(248)}`;
    const example = new ExampleCopy().replace(ORDERS, '      - name: currency\n        logicalType: string\n        physicalType: string\n', `      - name: ${column}\n        logicalType: string\n        physicalType: string\n`);
    expect(example.problems().map(without)).toEqual([
      {
        code: CONTRACT_CODES.invalidColumnName,
        path: 'schema[0].properties[5].name',
        message: `column name "${column}" is 256 characters long, more than the 255 Glue allows; set a shorter physicalName`,
      },
    ]);
  });
});

describe('LF-Tags (keys 1–128 characters, values 1–256)', () => {
  test('a tag key of 129 characters', () => {
    const key = 'k'.repeat(129);
    const example = new ExampleCopy().replace(MESH, '    classification: [', `    ${key}: [x]\n    classification: [`);
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidTagKey,
        path: `governance.tags.${key}`,
        message: `tag key "${key}" is not a valid LF-Tag key: use 1–128 letters, digits, spaces or _ . : / = + - @ % (got 129 characters)`,
      },
    ]);
  });

  test('a tag value of 257 characters, while 256 is fine', () => {
    const example = new ExampleCopy().replace(MESH, '    classification: [', `    region: [${'v'.repeat(256)}, ${'w'.repeat(257)}]\n    classification: [`);
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidTagValue,
        path: 'governance.tags.region[1]',
        message: `tag value "${'w'.repeat(257)}" is not a valid LF-Tag value: use 1–256 letters, digits, spaces or _ . : * / = + - @ % (got 257 characters)`,
      },
    ]);
  });
});

describe('IAM principal names (1–64 characters)', () => {
  test('a consumer principal whose role name is longer than IAM allows', () => {
    const role = `finance-reporting-${'x'.repeat(47)}`;
    expect(role.length).toBe(65);
    const arn = `arn:aws:iam::666666666666:role/${role}`;
    const example = new ExampleCopy().replace(MESH, 'arn:aws:iam::666666666666:role/finance-reporting', arn);
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidPrincipal,
        path: 'consumers[1].principals[1]',
        message: `the IAM role name "${role}" in "${arn}" cannot exist: IAM role names are 1–64 characters and paths at most 512; copy the ARN from the IAM console`,
      },
    ]);
  });

  test('a role ARN ending in a slash names no role', () => {
    const example = new ExampleCopy().replace(MESH, 'arn:aws:iam::222222222222:role/sales-etl', 'arn:aws:iam::222222222222:role/pipelines/');
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.invalidPrincipal,
        path: 'domains[0].producers[0]',
        message:
          'the IAM role name "" in "arn:aws:iam::222222222222:role/pipelines/" cannot exist: IAM role names are 1–64 characters and paths at most 512; copy the ARN from the IAM console',
      },
    ]);
  });

  test('a role name of 64 characters under a path is accepted', () => {
    const example = new ExampleCopy().replace(MESH, 'arn:aws:iam::666666666666:role/finance-reporting', `arn:aws:iam::666666666666:role/teams/finance/${'r'.repeat(64)}`);
    expect(example.load().consumers.find((consumer) => consumer.name === 'finance')?.principals).toContain(`arn:aws:iam::666666666666:role/teams/finance/${'r'.repeat(64)}`);
  });
});

describe('CloudFormation stack names (<mesh>-consumer-<consumer>, at most 128 characters)', () => {
  const longest = 128 - 'retail-consumer-'.length;
  const consumerName = (length: number) => `finance-${'x'.repeat(length - 'finance-'.length)}`;

  test('a consumer name that makes its stack name too long fails validation instead of crashing synth', () => {
    const name = consumerName(longest + 1);
    const example = withFinanceNamed(name);
    expect(example.problems().map(without)).toEqual([
      {
        code: MESH_CODES.stackNameTooLong,
        path: 'consumers[1].name',
        message: `the consumer stack name "${`retail-consumer-${name}`.slice(0, 40)}…" is 129 characters, more than the 128 CloudFormation allows; shorten the consumer name by 1 characters`,
      },
    ]);
    // What synth would have thrown, as a plain Error with a stack trace, had validation let it through.
    expect(() => new Stack(new App(), 'Consumer', { stackName: consumerStackName('retail', name) })).toThrow('Stack name must be <= 128 characters');
  });

  test('the longest consumer name validation accepts is one CloudFormation accepts', () => {
    const name = consumerName(longest);
    expect(consumerStackName('retail', name)).toHaveLength(MAX_STACK_NAME_LENGTH);
    expect(withFinanceNamed(name).load().consumers.map((consumer) => consumer.name)).toContain(name);
    expect(() => new Stack(new App(), 'Consumer', { stackName: consumerStackName('retail', name) })).not.toThrow();
  });
});

describe('Lake Formation data cells filter names (at most 255 characters)', () => {
  test('the longest consumer and role names still give a filter name within the limit, distinct per pair', () => {
    const consumer = 'c'.repeat(120);
    const role = 'r'.repeat(255);
    const name = dataCellsFilterName(consumer, role);
    expect(name.length).toBeLessThanOrEqual(MAX_FILTER_NAME_LENGTH);
    expect(dataCellsFilterName(consumer, `${role}x`)).not.toBe(name);
  });
});
