/**
 * Everything one contract grant (product, consumer, role) puts in a template, worked out without
 * CDK: the data cells filters, and per consumer principal DESCRIBE on the database, and per table
 * SELECT on the granted columns (or on the row filter) plus DESCRIBE on the table. Each permission
 * carries its audit record (`GrantMetadata`).
 */
import { DataContract } from '../contract/model';
import { GrantMetadata } from '../grants/grant-metadata';
import { LakemeshError, ProblemCollector } from '../errors';
import { GRANT_CODES } from './grant-codes';
import { grantGateProblems } from './grant-gates';
import { PermissionResource } from './permission-key';
import { principalProblems } from './principal-check';
import { dataCellsFilterName } from './row-filter';
import { planTableAccess, TableAccess } from './table-access';

/** The catalog entry of a data product, as far as a grant needs it. */
export interface GrantProductRef {
  readonly contract: DataContract;
  readonly domainName: string;
  readonly productName: string;
  readonly databaseName: string;
  /** Account id of the Data Catalog holding the database. */
  readonly catalogId: string;
}

/** Who receives a grant. Principals are ARNs: consumers live in other accounts. */
export interface GrantConsumer {
  readonly name: string;
  /** IAM role or user ARNs of the consumer. */
  readonly principals: readonly string[];
}

export interface ContractGrantRequest {
  readonly product: GrantProductRef;
  readonly consumer: GrantConsumer;
  /** A `roles[].role` of the contract. */
  readonly role: string;
  readonly purpose: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  /** ISO date `YYYY-MM-DD`. @default - no expiry */
  readonly expires?: string;
  readonly restrictedClassification: string;
  /** ISO date `YYYY-MM-DD` expiry is judged against. */
  readonly today: string;
  /** The grant existed before the contract was deprecated, so it stays. @default false */
  readonly allowDeprecated?: boolean;
  /** Tells unresolved tokens apart, which are not checked. @default - nothing is a token */
  readonly isUnresolved?: (value: string) => boolean;
}

export interface DataCellsFilterPlan {
  readonly tableCatalogId: string;
  readonly databaseName: string;
  readonly tableName: string;
  readonly name: string;
  readonly rowFilter: string;
  /** Granted columns, in contract order. */
  readonly columnNames: readonly string[];
}

export interface PermissionPlan {
  readonly principal: string;
  readonly resource: PermissionResource;
  readonly permissions: readonly string[];
  readonly metadata: GrantMetadata;
  /** The filter the permission is granted on, which must deploy first. */
  readonly filter?: DataCellsFilterPlan;
}

export interface ContractGrantPlan {
  readonly tables: readonly TableAccess[];
  readonly filters: readonly DataCellsFilterPlan[];
  readonly permissions: readonly PermissionPlan[];
}

/** Plans one grant; throws one `LakemeshError` with every problem found (LM380–LM396). */
export function planContractGrant(request: ContractGrantRequest): ContractGrantPlan {
  const { product, consumer } = request;
  const problems = new ProblemCollector();
  problems.addAll(requiredFieldProblems(request));
  const isUnresolved = request.isUnresolved ?? (() => false);
  consumer.principals.forEach((principal, index) => {
    if (!isUnresolved(principal)) problems.addAll(principalProblems(principal, `consumer.principals[${index}]`));
  });
  problems.addAll(grantGateProblems(product.contract, { expires: request.expires, today: request.today, allowDeprecated: request.allowDeprecated }));
  let tables: TableAccess[] = [];
  try {
    tables = planTableAccess(product.contract, request.role, {
      restrictedClassification: request.restrictedClassification,
    });
  } catch (error) {
    if (!(error instanceof LakemeshError)) throw error;
    problems.addAll(error.problems);
  }
  problems.throwIfAny();

  const audit = (table: string | null): GrantMetadata => ({
    product: `${product.domainName}.${product.productName}`,
    table,
    consumer: consumer.name,
    contractId: product.contract.id,
    contractVersion: product.contract.version,
    roles: [request.role],
    purposes: [request.purpose],
    requestedBy: [request.requestedBy],
    approvedBy: [request.approvedBy],
    expires: request.expires ?? null,
    columns: [],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  });
  const filters = tables.flatMap((access) => (access.rowFilter === undefined ? [] : [filterFor(request, access)]));
  const principals = [...new Set(consumer.principals)].sort();
  const permissions = principals.flatMap((principal): PermissionPlan[] => [
    {
      principal,
      resource: { kind: 'database', catalogId: product.catalogId, name: product.databaseName },
      permissions: ['DESCRIBE'],
      metadata: audit(null),
    },
    ...tables.flatMap((access) => tablePermissions(request, principal, access, audit(access.table), filters)),
  ]);
  return { tables, filters, permissions };
}

function tablePermissions(
  request: ContractGrantRequest,
  principal: string,
  access: TableAccess,
  audit: GrantMetadata,
  filters: readonly DataCellsFilterPlan[],
): PermissionPlan[] {
  const { product } = request;
  const tableFacts = { restrictedColumns: access.restrictedColumns, includeColumns: access.includeColumns };
  const selected = { ...audit, ...tableFacts, columns: access.columns, withheldColumns: access.withheldColumns };
  const describe: PermissionPlan = {
    principal,
    resource: { kind: 'table', catalogId: product.catalogId, databaseName: product.databaseName, name: access.table },
    permissions: ['DESCRIBE'],
    metadata: { ...audit, ...tableFacts },
  };
  const filter = filters.find((candidate) => candidate.tableName === access.table);
  if (filter === undefined) {
    return [
      {
        principal,
        resource: {
          kind: 'tableWithColumns',
          catalogId: product.catalogId,
          databaseName: product.databaseName,
          name: access.table,
          columnNames: access.columns,
        },
        permissions: ['SELECT'],
        metadata: selected,
      },
      describe,
    ];
  }
  return [
    {
      principal,
      resource: {
        kind: 'dataCellsFilter',
        tableCatalogId: filter.tableCatalogId,
        databaseName: filter.databaseName,
        tableName: filter.tableName,
        name: filter.name,
      },
      permissions: ['SELECT'],
      metadata: { ...selected, rowFilter: filter.rowFilter },
      filter,
    },
    describe,
  ];
}

function filterFor(request: ContractGrantRequest, access: TableAccess): DataCellsFilterPlan {
  return {
    tableCatalogId: request.product.catalogId,
    databaseName: request.product.databaseName,
    tableName: access.table,
    name: dataCellsFilterName(request.consumer.name, request.role),
    rowFilter: access.rowFilter ?? '',
    columnNames: access.columns,
  };
}

function requiredFieldProblems(request: ContractGrantRequest) {
  const fields: [string, string, string][] = [
    ['consumer.name', request.consumer.name, 'the consumer name, e.g. marketing'],
    ['purpose', request.purpose, 'why the consumer needs the data, e.g. campaign attribution'],
    ['requestedBy', request.requestedBy, 'who asked for the grant, e.g. ana@example.com'],
    ['approvedBy', request.approvedBy, "who approved it for the product's owner, e.g. sales-dpo@example.com"],
  ];
  const problems = fields
    .filter(([, value]) => value.trim() === '')
    .map(([path, , hint]) => ({
      code: GRANT_CODES.missingGrantField,
      path,
      message: `${path} is empty; the audit trail needs ${hint}`,
    }));
  if (request.consumer.principals.length === 0) {
    problems.push({
      code: GRANT_CODES.missingGrantField,
      path: 'consumer.principals',
      message: `consumer "${request.consumer.name}" has no principals; list the IAM role ARNs that should receive the grant`,
    });
  }
  return problems;
}
