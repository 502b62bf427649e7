import { CONTRACT_CODES } from '../../lib/contract/codes';
import { baseContract, formatted, parsed, problems } from './helpers';

const CHANGELOG = 'https://github.com/bitol-io/open-data-contract-standard/blob/main/CHANGELOG.md';

describe('refusing files that are not ODCS v3', () => {
  test('a Data Contract Specification file, with the conversion command', () => {
    const dcs = 'dataContractSpecification: 1.1.0\nid: orders\ninfo:\n  title: Orders\n  version: 1.0.0\nmodels: {}\n';
    expect(formatted(dcs)).toEqual([
      'orders.odcs.yaml:1:1: dataContractSpecification: this is a Data Contract Specification file (dataContractSpecification: 1.1.0), not an ODCS v3 contract; convert it with the datacontract CLI (datacontract export --format odcs orders.odcs.yaml) and use the ODCS file it writes [LM100]',
    ]);
  });

  test('an ODCS v2 contract by apiVersion', () => {
    const v2 = 'apiVersion: v2.2.2\nkind: DataContract\nuuid: 1\ndatasetName: orders\nquantumName: Orders\ndataset: []\n';
    expect(formatted(v2)).toEqual([
      `orders.odcs.yaml:1:13: apiVersion: this is an ODCS v2 contract (apiVersion: v2.2.2); lakemesh reads ODCS v3.0.x and v3.1.x: rename dataset to schema, columns to properties, uuid to id, quantumName to dataProduct, and set apiVersion: v3.1.0 (every change is listed under "v3.0.0" in ${CHANGELOG}) [LM101]`,
    ]);
  });

  test('an ODCS v2 contract without apiVersion, by its dataset keys', () => {
    expect(problems({ kind: 'DataContract', datasetName: 'orders', dataset: [] })).toEqual([
      [
        CONTRACT_CODES.odcsV2,
        'datasetName',
        `this is an ODCS v2 contract (it has datasetName); lakemesh reads ODCS v3.0.x and v3.1.x: rename dataset to schema, columns to properties, uuid to id, quantumName to dataProduct, and set apiVersion: v3.1.0 (every change is listed under "v3.0.0" in ${CHANGELOG})`,
      ],
    ]);
  });

  test('a future ODCS version', () => {
    expect(problems(baseContract({ apiVersion: 'v3.2.0' }))).toEqual([
      [
        CONTRACT_CODES.unsupportedApiVersion,
        'apiVersion',
        'apiVersion "v3.2.0" is not supported: lakemesh reads ODCS v3.0.x and v3.1.x; set apiVersion to v3.1.0 or v3.0.2 if the contract follows that version',
      ],
    ]);
  });

  test('an apiVersion without its leading v', () => {
    expect(problems(baseContract({ apiVersion: '3.1.0' }))).toEqual([
      [CONTRACT_CODES.unsupportedApiVersion, 'apiVersion', 'apiVersion "3.1.0" is not supported: lakemesh reads ODCS v3.0.x and v3.1.x; write "v3.1.0"'],
    ]);
  });

  test('a kind other than DataContract, reported with other problems', () => {
    expect(problems(baseContract({ kind: 'DataProduct', id: undefined }))).toEqual([
      [CONTRACT_CODES.wrongKind, 'kind', 'kind must be "DataContract", got "DataProduct"'],
      ['LM012', 'id', 'is required (a string)'],
    ]);
  });

  test.each(['v3.0.0', 'v3.0.1', 'v3.0.2', 'v3.1.0'])('accepts apiVersion %s', (apiVersion) => {
    expect(parsed(baseContract({ apiVersion })).apiVersion).toBe(apiVersion);
  });
});
