import { CONTRACT_CODES } from '../../lib/contract/codes';
import { SCHEMA_CODES } from '../../lib/source/zod-problems';
import { baseContract, formatted, problems, withProperties } from './helpers';

describe('structural problems', () => {
  test('fields lakemesh acts on are typed strictly', () => {
    expect(problems(baseContract({ version: 1.1, schema: [{ name: 'orders', properties: [{ name: 'a', logicalType: 'string', required: 'yes' }] }] }))).toEqual([
      [SCHEMA_CODES.wrongType, 'version', 'expected a string, got a number (1.1)'],
      [SCHEMA_CODES.wrongType, 'schema[0].properties[0].required', 'expected a boolean, got a string ("yes")'],
    ]);
  });

  test('required fields are located', () => {
    expect(formatted('apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\nstatus: active\n')).toEqual([
      'orders.odcs.yaml:1:1: id: is required (a string) [LM012]',
    ]);
  });

  test('an unknown logicalType is an invalid value', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'varchar' }]))).toEqual([
      [
        SCHEMA_CODES.invalidValue,
        'schema[0].properties[0].logicalType',
        'invalid option: expected one of "string"|"date"|"timestamp"|"time"|"number"|"integer"|"object"|"array"|"boolean"|"long"|"datetime", got a string ("varchar")',
      ],
    ]);
  });

  test.each([
    ['the contract', baseContract({ dataproduct: 'x' }), 'dataproduct', 'dataProduct'],
    ['a schema object', baseContract({ schema: [{ name: 'orders', physicalname: 'o', properties: [{ name: 'a', logicalType: 'string' }] }] }), 'schema[0].physicalname', 'physicalName'],
    ['a property', withProperties([{ name: 'a', logicalType: 'date', partitionKeyPositon: 1 }]), 'schema[0].properties[0].partitionKeyPositon', 'partitionKeyPosition'],
    ['a nested property', withProperties([{ name: 'a', logicalType: 'object', properties: [{ name: 'b', logicaltype: 'string', logicalType: 'string' }] }]), 'schema[0].properties[0].properties[0].logicaltype', 'logicalType'],
    ['logicalTypeOptions', withProperties([{ name: 'a', logicalType: 'string', logicalTypeOptions: { maxLenght: 3 } }]), 'schema[0].properties[0].logicalTypeOptions.maxLenght', 'maxLength'],
    ['a role', baseContract({ roles: [{ role: 'r', acces: 'read' }] }), 'roles[0].acces', 'access'],
    ['an SLA property', baseContract({ slaProperties: [{ property: 'retention', value: 1, units: 'd' }] }), 'slaProperties[0].units', 'unit'],
    ['a quality rule', withProperties([{ name: 'a', logicalType: 'string', quality: [{ metric: 'nullValues', mustbe: 0 }] }]), 'schema[0].properties[0].quality[0].mustbe', 'mustBe'],
  ])('a near miss of a key lakemesh acts on is reported in %s', (_where, doc, path, suggestion) => {
    const key = path.split('.').pop();
    expect(problems(doc)).toContainEqual([SCHEMA_CODES.unknownKey, path, `unknown key "${key}"; did you mean "${suggestion}"?`]);
  });

  test('a near miss is located at its key', () => {
    const text = ['apiVersion: v3.1.0', 'kind: DataContract', 'id: x', 'version: 1.0.0', 'status: active', 'dataproduct: Orders', ''].join('\n');
    expect(formatted(text)).toEqual(['orders.odcs.yaml:6:1: dataproduct: unknown key "dataproduct"; did you mean "dataProduct"? [LM010]']);
  });

  test('a product name without letters or digits', () => {
    expect(problems(baseContract({ dataProduct: '--' }))).toEqual([
      [
        CONTRACT_CODES.emptyProductSlug,
        'dataProduct',
        'dataProduct "--" gives an empty product name (lakemesh keeps only letters and digits, lower-cased); use a name with letters or digits',
      ],
    ]);
  });
});
