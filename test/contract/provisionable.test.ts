import { CONTRACT_CODES } from '../../lib/contract/codes';
import { assertProvisionable } from '../../lib/contract/provisionable';
import { LakemeshError } from '../../lib/errors';
import { baseContract, parsed } from './helpers';

function errorOf(run: () => void): LakemeshError {
  try {
    run();
  } catch (error) {
    if (error instanceof LakemeshError) return error;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

describe('assertProvisionable', () => {
  test('passes a contract made of tables', () => {
    expect(() => assertProvisionable(parsed(baseContract()))).not.toThrow();
  });

  test('fails for a schema object that is not a table, naming it and its physicalType', () => {
    const contract = parsed(baseContract({ schema: [{ name: 'Orders', physicalName: 'orders', physicalType: 'topic' }] }));
    expect(errorOf(() => assertProvisionable(contract)).message).toBe(
      'orders.odcs.yaml:9:5: schema[0]: schema object "Orders" has physicalType "topic"; lakemesh provisions Glue tables only: set physicalType to table if this is a table on S3, or keep this contract out of the mesh [LM160]',
    );
  });

  test('fails for a contract without tables', () => {
    const error = errorOf(() => assertProvisionable(parsed(baseContract({ schema: [] }))));
    expect(error.problems).toEqual([
      {
        code: CONTRACT_CODES.noTables,
        path: 'schema',
        message: 'contract "orders-contract" defines no tables, so there is nothing to provision; add a schema object with physicalType: table and its properties',
        location: { file: 'orders.odcs.yaml', line: 1, column: 1 },
      },
    ]);
  });

  test('reports every non-table object when tables exist too', () => {
    const schema = [...(baseContract().schema as object[]), { name: 'a', physicalType: 'view' }, { name: 'b', physicalType: 'file' }];
    const error = errorOf(() => assertProvisionable(parsed(baseContract({ schema }))));
    expect(error.problems.map((p) => [p.code, p.path])).toEqual([
      [CONTRACT_CODES.notATable, 'schema[1]'],
      [CONTRACT_CODES.notATable, 'schema[2]'],
    ]);
  });
});
