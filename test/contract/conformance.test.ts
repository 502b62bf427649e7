/**
 * The public ODCS examples and JSON Schemas in ../shared/conformance/odcs (beside the repository;
 * see its README), and every contract this repository ships.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { contractFileProblems, loadContract } from '../../lib/contract/load-contract';
import { assertProvisionable } from '../../lib/contract/provisionable';
import { formatProblem, LakemeshError } from '../../lib/errors';

const REPO_ROOT = path.resolve(__dirname, '../..');
const CONFORMANCE = path.resolve(REPO_ROOT, '../shared/conformance/odcs');
const EXAMPLES = path.join(CONFORMANCE, 'examples');

const example = (name: string) => path.join(EXAMPLES, `${name}.odcs.yaml`);
const exampleNames = fs
  .readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.odcs.yaml'))
  .map((file) => file.replace(/\.odcs\.yaml$/, ''))
  .sort();

/** The README's table: these three break the JSON Schema of their own apiVersion. */
const SCHEMA_INVALID = ['data-types--all-data-types', 'quality--column-completeness', 'stakeholders--basic-four-dpo'];
const KAFKA = ['schema--kafka-schema', 'schema--kafka-schemaregistry', 'server--kafka-server'];

const validators = new Map<string, ValidateFunction>();
function officialValidator(apiVersion: string): ValidateFunction {
  let validate = validators.get(apiVersion);
  if (!validate) {
    const schemaFile = path.join(CONFORMANCE, 'schema', `odcs-json-schema-${apiVersion}.json`);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    validators.set(apiVersion, validate);
  }
  return validate;
}

function officialErrors(file: string): string[] {
  const document = parse(fs.readFileSync(file, 'utf8')) as { apiVersion: string };
  const validate = officialValidator(document.apiVersion);
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function problemsOf(file: string): string[] {
  return contractFileProblems(file).problems.map(formatProblem);
}

describe('public ODCS examples', () => {
  test('all 18 examples are there', () => {
    expect(exampleNames).toHaveLength(18);
  });

  test('the official JSON Schemas judge them as the README says (so the validator below is sound)', () => {
    const invalid = exampleNames.filter((name) => officialErrors(example(name)).length > 0);
    expect(invalid).toEqual(SCHEMA_INVALID);
  });

  test.each(exampleNames)('%s parses', (name) => {
    expect(problemsOf(example(name))).toEqual([]);
  });

  describe('schema-invalid examples are read leniently', () => {
    test('v3.1 style exclusiveMinimum in a v3.0.2 contract is kept as given', () => {
      const column = loadContract(example('data-types--all-data-types')).tables[0].columns[1];
      expect(column).toMatchObject({ name: 'txn_ref_date', type: 'date', logicalTypeOptions: { exclusiveMinimum: '2020-01-01' } });
    });

    test('a v3.0.2 library rule written with metric instead of rule keeps its metric', () => {
      const [rule] = loadContract(example('quality--column-completeness')).tables[0].columns[0].quality;
      expect(rule).toMatchObject({ type: 'library', metric: 'nullValues', mustBe: 0 });
    });

    test('a v3.1 team object in a v3.0.2 contract gives the owner', () => {
      expect(loadContract(example('stakeholders--basic-four-dpo')).owner).toBe('Data Protection Office');
    });
  });

  describe('Kafka contracts', () => {
    test.each(KAFKA)('%s parses with its topic kept apart', (name) => {
      const contract = loadContract(example(name));
      expect(contract.tables).toEqual([]);
      expect(contract.otherObjects.map((o) => o.physicalType)).toEqual(['topic']);
    });

    test.each(KAFKA)('%s cannot be a data product, and says why', (name) => {
      const contract = loadContract(example(name));
      expect(() => assertProvisionable(contract)).toThrow(LakemeshError);
      expect(() => assertProvisionable(contract)).toThrow(
        `schema[0]: schema object "Orders" has physicalType "topic"; lakemesh provisions Glue tables only: set physicalType to table if this is a table on S3, or keep this contract out of the mesh [${CONTRACT_CODES.notATable}]`,
      );
    });
  });

  test.each(['all--full-example', 'all--postgresql-adventureworks-contract', 'schema--all-schema-types', 'schema--table-columns-with-partition'])(
    '%s can be a data product',
    (name) => {
      expect(() => assertProvisionable(loadContract(example(name)))).not.toThrow();
    },
  );

  test('the full example maps to the Glue tables a reader expects', () => {
    const contract = loadContract(example('all--full-example'));
    expect(contract.productSlug).toBe('my_quantum');
    expect(contract.tables.map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.type}`), t.partitionKeys.map((c) => c.name), t.primaryKey])).toEqual([
      ['tbl_1', ['rcvr_id varchar(18)', 'rcvr_cntry_code varchar(2)'], ['txn_ref_dt'], ['rcvr_id']],
      ['receivers_master', ['id varchar(18)', 'country_code varchar(2)', 'receiver_name varchar(255)', 'receiver_type varchar(20)'], [], ['id', 'country_code']],
    ]);
    expect(contract.sla).toEqual({ retentionDays: 1095, freshness: { maxAgeHours: 96, element: 'tab1.txn_ref_dt' } });
    expect(contract.roles.map((r) => `${r.name}:${r.access}`)).toEqual([
      'microstrategy_user_opr:read',
      'bq_queryman_user_opr:read',
      'risk_data_access_opr:read',
      'bq_unica_user_opr:write',
    ]);
  });

  test('the AdventureWorks example maps every Postgres column', () => {
    const contract = loadContract(example('all--postgresql-adventureworks-contract'));
    expect(contract.tables).toHaveLength(68);
    const types = new Set(contract.tables.flatMap((t) => t.columns.map((c) => c.type)));
    expect([...types].sort()).toEqual(['binary', 'date', 'double', 'int', 'smallint', 'string', 'timestamp']);
  });
});

describe('contracts shipped in examples/', () => {
  const shipped = findFiles(path.join(REPO_ROOT, 'examples'), (file) => file.endsWith('.odcs.yaml'));

  test('there is at least one', () => {
    expect(shipped.length).toBeGreaterThan(0);
  });

  test.each(shipped.map((file) => path.relative(REPO_ROOT, file)))('%s is valid under the official JSON Schema of its apiVersion', (relative) => {
    expect(officialErrors(path.join(REPO_ROOT, relative))).toEqual([]);
  });

  test.each(shipped.map((file) => path.relative(REPO_ROOT, file)))('%s parses and can be a data product', (relative) => {
    const file = path.join(REPO_ROOT, relative);
    expect(problemsOf(file)).toEqual([]);
    expect(() => assertProvisionable(loadContract(file))).not.toThrow();
  });
});

function findFiles(dir: string, wanted: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findFiles(full, wanted);
      return wanted(full) ? [full] : [];
    })
    .sort();
}
