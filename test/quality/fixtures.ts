/** Contract model objects for the DQDL compiler tests, built directly (no parser involved). */
import { ContractColumn, ContractSla, ContractTable, QualityRule } from '../../lib/contract/model';

let nextLine = 10;

/** Each call sits on a later line, so columns keep the order they are created in. */
function at(): { file: string; line: number; column: number } {
  nextLine += 1;
  return { file: 'contracts/orders.odcs.yaml', line: nextLine, column: 7 };
}

export function column(name: string, overrides: Partial<ContractColumn> = {}): ContractColumn {
  return {
    name,
    logicalName: name,
    type: 'string',
    logicalType: 'string',
    logicalTypeOptions: {},
    required: false,
    unique: false,
    primaryKey: false,
    partitioned: false,
    nested: false,
    quality: [],
    location: at(),
    ...overrides,
  };
}

export function table(columns: ContractColumn[], overrides: Partial<ContractTable> = {}): ContractTable {
  return {
    name: 'orders',
    logicalName: 'orders',
    columns,
    partitionKeys: [],
    quality: [],
    primaryKey: [],
    location: { file: 'contracts/orders.odcs.yaml', line: 5, column: 5 },
    ...overrides,
  };
}

export function rule(fields: Partial<QualityRule> = {}): QualityRule {
  return { type: 'library', arguments: {}, location: at(), ...fields };
}

export const NO_SLA: ContractSla = {};
