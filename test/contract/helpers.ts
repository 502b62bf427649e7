/** Builds contracts in memory for the contract parser tests. */
import { stringify } from 'yaml';
import { formatProblem } from '../../lib/errors';
import { parseYamlSource } from '../../lib/source/yaml-source';
import { ContractCheck, contractProblems } from '../../lib/contract/load-contract';
import { DataContract } from '../../lib/contract/model';

export const FILE = 'orders.odcs.yaml';

type Doc = Record<string, unknown>;

/** A small valid v3.1.0 contract: one table `orders` with three columns. */
export function baseContract(overrides: Doc = {}): Doc {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'orders-contract',
    version: '1.0.0',
    status: 'active',
    domain: 'sales',
    dataProduct: 'Orders',
    schema: [
      {
        name: 'orders',
        physicalType: 'table',
        properties: [
          { name: 'order_id', logicalType: 'string', primaryKey: true },
          { name: 'email', logicalType: 'string', classification: 'restricted' },
          { name: 'country', logicalType: 'string' },
        ],
      },
    ],
    ...overrides,
  };
}

/** A contract whose only table has the given properties. */
export function withProperties(properties: Doc[], table: Doc = {}): Doc {
  return baseContract({ schema: [{ name: 'orders', physicalType: 'table', properties, ...table }] });
}

export function check(doc: Doc | string): ContractCheck {
  const text = typeof doc === 'string' ? doc : stringify(doc);
  return contractProblems(parseYamlSource(FILE, Buffer.from(text)));
}

/** The contract, failing the test with every problem when there are any. */
export function parsed(doc: Doc | string): DataContract {
  const result = check(doc);
  if (!result.contract) throw new Error(`expected no problems, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.contract;
}

/** `[code, path, message]` of every problem, in report order. */
export function problems(doc: Doc | string): [string, string, string][] {
  return check(doc).problems.map((p) => [p.code, p.path, p.message]);
}

/** Formatted problems (`file:line:column: path: message [code]`). */
export function formatted(doc: Doc | string): string[] {
  return check(doc).problems.map(formatProblem);
}

/** The Glue type lakemesh chooses for one property. */
export function glueType(property: Doc): string {
  const contract = parsed(withProperties([{ name: 'c', ...property }]));
  return contract.tables[0].columns[0].type;
}

/** Problems for a contract whose only column is `property`. */
export function typeProblems(property: Doc): [string, string, string][] {
  return problems(withProperties([{ name: 'c', ...property }]));
}
