/**
 * What a contract must satisfy to become a product of a domain: provisionable (tables only), not
 * retired, of this domain, classified with the domain's ontology, in a format Glue can catalog.
 */
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MAX_DATABASE_NAME_LENGTH, productDatabaseName } from '../../lib/config/naming';
import { DataContract } from '../../lib/contract/model';
import { assertProvisionable } from '../../lib/contract/provisionable';
import { LakemeshError, Problem, ProblemCollector } from '../../lib/errors';
import type { DataDomain } from '../domain/data-domain';
import { PRODUCT_CODES } from './codes';
import { StorageFormat, storageFormatOf } from './storage-format';

/** Checks the contract against the domain, collecting every problem; returns the storage format. */
export function checkProduct(scope: IConstruct, contract: DataContract, domain: DataDomain): StorageFormat {
  assertProvisionable(contract);
  const problems = new ProblemCollector();
  const add = (code: string, path: string, message: string) =>
    problems.add({ code, path, message, location: contract.location } satisfies Problem);
  if (contract.status === 'retired') {
    add(
      PRODUCT_CODES.contractRetired,
      'status',
      `contract ${contract.id} ${contract.version} is retired; a retired product cannot be provisioned, remove it from domain ${domain.domainName} (its data stays in the bucket)`,
    );
  }
  if (!inDomainStack(Stack.of(scope), Stack.of(domain))) {
    add(
      PRODUCT_CODES.productOutsideDomainStack,
      '',
      `product ${contract.productSlug} is in stack ${Stack.of(scope).stackName} but its domain ${domain.domainName} is in stack ${Stack.of(domain).stackName}; create it with domain.addDataProduct()`,
    );
  }
  if (contract.domain !== undefined && contract.domain !== domain.domainName) {
    add(
      PRODUCT_CODES.contractDomainMismatch,
      'domain',
      `contract ${contract.id} belongs to domain "${contract.domain}", not "${domain.domainName}"; add it to its own domain or correct the contract's domain`,
    );
  }
  const databaseName = productDatabaseName(domain.domainName, contract.productSlug);
  if (databaseName.length > MAX_DATABASE_NAME_LENGTH) {
    add(
      PRODUCT_CODES.databaseNameTooLong,
      'dataProduct',
      `glue database name "${databaseName}" is ${databaseName.length} characters, glue allows ${MAX_DATABASE_NAME_LENGTH}; shorten the contract's dataProduct`,
    );
  }
  for (const table of contract.tables) {
    for (const column of [...table.columns, ...table.partitionKeys]) {
      if (column.classification === undefined || domain.classifications.includes(column.classification)) continue;
      problems.add({
        code: PRODUCT_CODES.unknownClassification,
        path: `schema.${table.logicalName}.properties.${column.logicalName}.classification`,
        message: `classification ${JSON.stringify(column.classification)} is not in the ontology of domain ${domain.domainName}; use one of ${domain.classifications.join(', ')}`,
        location: column.location,
      });
    }
  }
  let format: StorageFormat | undefined;
  try {
    format = storageFormatOf(contract);
  } catch (error) {
    if (!(error instanceof LakemeshError)) throw error;
    problems.addAll(error.problems);
  }
  problems.throwIfAny();
  return format!;
}

/**
 * The product's stack is the domain's, or a shard of it: same literal account and region, and
 * deploying after the domain's stack (directly or through other stacks), which holds the bucket.
 */
function inDomainStack(stack: Stack, domainStack: Stack): boolean {
  if (stack === domainStack) return true;
  const concrete = (value: string) => !Token.isUnresolved(value);
  if (!concrete(stack.account) || !concrete(stack.region) || stack.account !== domainStack.account || stack.region !== domainStack.region) return false;
  const seen = new Set<Stack>();
  const pending = [...stack.dependencies];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next === domainStack) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...next.dependencies);
  }
  return false;
}
