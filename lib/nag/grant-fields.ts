/**
 * Reading the audit metadata (`lakemesh:grant`, `lakemesh:product`, `lakemesh:data-store`) back
 * from a rendered resource. Values come from templates, so nothing is trusted to be well-formed.
 */
import { DATA_STORE_METADATA_KEY, GRANT_METADATA_KEY, grantMetadataRecord } from '../grants/grant-metadata';
import { CfnObject, literalStrings } from './cfn-values';
import { MeshResource } from './mesh-resource';

/** True when the resource carries grant metadata at all (a consumer grant made by `ContractGrant`). */
export function hasGrantMetadata(resource: MeshResource): boolean {
  return resource.metadata[GRANT_METADATA_KEY] !== undefined;
}

/** The grant metadata record, or undefined when absent or neither a JSON string nor an object. */
export function grantMetadataOf(resource: MeshResource): CfnObject | undefined {
  return grantMetadataRecord(resource.metadata[GRANT_METADATA_KEY]);
}

/** True when the resource is marked as holding product data (`lakemesh:data-store`). */
export function isDataStore(resource: MeshResource): boolean {
  return resource.metadata[DATA_STORE_METADATA_KEY] !== undefined;
}

/** A column list of the grant metadata, lower-cased (Glue column names are case-insensitive). */
export function metadataColumns(metadata: CfnObject, key: 'restrictedColumns' | 'includeColumns'): ReadonlySet<string> {
  return new Set(literalStrings(metadata[key]).map((column) => column.toLowerCase()));
}
