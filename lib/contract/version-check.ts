/**
 * Recognises files that are not ODCS v3 before structural validation, so the user learns "this
 * is a v2 contract, migrate it" instead of fifty unknown-key errors.
 */
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';

/** ODCS versions lakemesh reads: v3.0.x and v3.1.x. */
export const SUPPORTED_API_VERSION = /^v3\.[01]\.\d+$/;

const ODCS_V3_CHANGES = 'https://github.com/bitol-io/open-data-contract-standard/blob/main/CHANGELOG.md';

/**
 * Reports a file that is not an ODCS v3 contract. Returns true when the file is refused outright
 * (no point validating it further).
 */
export function refuseNonOdcsV3(ctx: ContractContext, data: Readonly<Record<string, unknown>>): boolean {
  if ('dataContractSpecification' in data) {
    ctx.report(
      CONTRACT_CODES.dataContractSpecification,
      ['dataContractSpecification'],
      `this is a Data Contract Specification file (dataContractSpecification: ${String(data.dataContractSpecification)}), not an ODCS v3 contract; convert it with the datacontract CLI (datacontract export --format odcs ${ctx.source.file}) and use the ODCS file it writes`,
      { key: true },
    );
    return true;
  }

  const apiVersion = data.apiVersion;
  const v2Key = ['datasetName', 'dataset'].find((key) => key in data);
  if ((typeof apiVersion === 'string' && /^v?2\./.test(apiVersion)) || (apiVersion === undefined && v2Key !== undefined)) {
    const evidence = typeof apiVersion === 'string' ? `apiVersion: ${apiVersion}` : `it has ${v2Key}`;
    ctx.report(
      CONTRACT_CODES.odcsV2,
      typeof apiVersion === 'string' ? ['apiVersion'] : [v2Key ?? ''],
      `this is an ODCS v2 contract (${evidence}); lakemesh reads ODCS v3.0.x and v3.1.x: rename dataset to schema, columns to properties, uuid to id, quantumName to dataProduct, and set apiVersion: v3.1.0 (every change is listed under "v3.0.0" in ${ODCS_V3_CHANGES})`,
      typeof apiVersion === 'string' ? {} : { key: true },
    );
    return true;
  }

  if (typeof apiVersion === 'string' && !SUPPORTED_API_VERSION.test(apiVersion)) {
    const hint = SUPPORTED_API_VERSION.test(`v${apiVersion}`) ? `; write "v${apiVersion}"` : '; set apiVersion to v3.1.0 or v3.0.2 if the contract follows that version';
    ctx.report(
      CONTRACT_CODES.unsupportedApiVersion,
      ['apiVersion'],
      `apiVersion "${apiVersion}" is not supported: lakemesh reads ODCS v3.0.x and v3.1.x${hint}`,
    );
    return true;
  }

  if (typeof data.kind === 'string' && data.kind !== 'DataContract') {
    ctx.report(CONTRACT_CODES.wrongKind, ['kind'], `kind must be "DataContract", got "${data.kind}"`);
  }
  return false;
}
