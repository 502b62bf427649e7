/**
 * Reads the `lakemesh:grant` audit record back from a template resource. Templates are files:
 * every field is read leniently (intrinsics become text, missing lists become empty), so a
 * hand-edited or older record shows what it has rather than stopping the audit.
 */
import { GRANT_METADATA_KEY, grantMetadataRecord } from '../grants/grant-metadata';
import { CfnObject } from '../nag/cfn-values';
import { cfnText, cfnTexts } from './cfn-text';

/** `GrantMetadata` as read from a template: any field may be absent. */
export interface ReadGrantMetadata {
  readonly product: string | undefined;
  readonly table: string | undefined;
  readonly consumer: string | undefined;
  readonly contractId: string | undefined;
  readonly contractVersion: string | undefined;
  readonly roles: readonly string[];
  readonly purposes: readonly string[];
  readonly requestedBy: readonly string[];
  readonly approvedBy: readonly string[];
  readonly expires: string | undefined;
  readonly columns: readonly string[];
  readonly withheldColumns: readonly string[];
  readonly restrictedColumns: readonly string[];
  readonly includeColumns: readonly string[];
  readonly rowFilter: string | undefined;
}

/** The record, or undefined when the resource has none (or it is neither a JSON string nor an object). */
export function readGrantMetadata(metadata: CfnObject): ReadGrantMetadata | undefined {
  const record = grantMetadataRecord(metadata[GRANT_METADATA_KEY]);
  if (record === undefined) return undefined;
  const text = (key: string) => cfnText(record[key]);
  const list = (key: string) => cfnTexts(record[key]);
  return {
    product: text('product'),
    table: text('table'),
    consumer: text('consumer'),
    contractId: text('contractId'),
    contractVersion: text('contractVersion'),
    roles: list('roles'),
    purposes: list('purposes'),
    requestedBy: list('requestedBy'),
    approvedBy: list('approvedBy'),
    expires: text('expires'),
    columns: list('columns'),
    withheldColumns: list('withheldColumns'),
    restrictedColumns: list('restrictedColumns'),
    includeColumns: list('includeColumns'),
    rowFilter: text('rowFilter'),
  };
}
