/** Whether a parsed contract can back a Lake Formation data product (Glue tables only). */
import { LakemeshError, Problem } from '../errors';
import { DataContract } from './model';
import { CONTRACT_CODES } from './codes';

/**
 * Throws a `LakemeshError` when the contract has schema objects that are not tables (e.g. Kafka
 * topics) or no tables at all. Parsing accepts such contracts, since they are valid ODCS; using
 * one as a data product is what fails.
 */
export function assertProvisionable(contract: DataContract): void {
  const problems: Problem[] = contract.otherObjects.map((object) => ({
    code: CONTRACT_CODES.notATable,
    path: object.path ?? '',
    message: `schema object "${object.name}" has physicalType "${object.physicalType}"; lakemesh provisions Glue tables only: set physicalType to table if this is a table on S3, or keep this contract out of the mesh`,
    location: object.location,
  }));
  if (contract.tables.length === 0 && problems.length === 0) {
    problems.push({
      code: CONTRACT_CODES.noTables,
      path: 'schema',
      message: `contract "${contract.id}" defines no tables, so there is nothing to provision; add a schema object with physicalType: table and its properties`,
      location: contract.location,
    });
  }
  if (problems.length > 0) throw new LakemeshError(problems);
}
