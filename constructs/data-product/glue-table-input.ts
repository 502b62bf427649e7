/**
 * The Glue `TableInput` of one contract table: columns with types and comments, partition keys,
 * storage format, location, and the contract facts the audit reads back from the catalog.
 */
import * as glue from 'aws-cdk-lib/aws-glue';
import { ContractColumn, ContractTable, DataContract } from '../../lib/contract/model';
import { COLUMN_CLASSIFICATION_PARAMETER } from '../../lib/grants/grant-metadata';
import { StorageFormat } from './storage-format';

/** Glue caps column comments at 255 characters and table descriptions at 2048. */
export const MAX_COLUMN_COMMENT_LENGTH = 255;
export const MAX_TABLE_DESCRIPTION_LENGTH = 2048;

/** Table `Parameters` keys carrying the contract. */
export const TABLE_PARAMETERS = {
  contractId: 'lakemesh.contractId',
  contractVersion: 'lakemesh.contractVersion',
  owner: 'lakemesh.owner',
  status: 'lakemesh.status',
} as const;

/**
 * The table parameter carrying a column's classification. CloudFormation's `AWS::Glue::Table`
 * column has no `Parameters` (only the Glue API has), so the classification of column `c` is the
 * table parameter `lakemesh.classification.c`.
 */
export function columnClassificationParameter(column: string): string {
  return `${COLUMN_CLASSIFICATION_PARAMETER}.${column}`;
}

export interface TableInputContext {
  readonly contract: DataContract;
  readonly owner: string;
  readonly format: StorageFormat;
  /** `s3://bucket/<product>/<table>/` */
  readonly location: string;
}

export function glueTableInput(table: ContractTable, context: TableInputContext): glue.CfnTable.TableInputProperty {
  const { contract, format } = context;
  const classified = [...table.columns, ...table.partitionKeys].filter((c) => c.classification !== undefined);
  return {
    name: table.name,
    description: truncate(table.description, MAX_TABLE_DESCRIPTION_LENGTH),
    tableType: 'EXTERNAL_TABLE',
    parameters: {
      classification: format.classification,
      EXTERNAL: 'TRUE',
      [TABLE_PARAMETERS.contractId]: contract.id,
      [TABLE_PARAMETERS.contractVersion]: contract.version,
      [TABLE_PARAMETERS.owner]: context.owner,
      [TABLE_PARAMETERS.status]: contract.status,
      ...Object.fromEntries(classified.map((c) => [columnClassificationParameter(c.name), c.classification])),
    },
    partitionKeys: table.partitionKeys.map(glueColumn),
    storageDescriptor: {
      columns: table.columns.map(glueColumn),
      location: context.location,
      inputFormat: format.inputFormat,
      outputFormat: format.outputFormat,
      serdeInfo: {
        serializationLibrary: format.serializationLibrary,
        parameters: { ...format.serdeParameters },
      },
      compressed: false,
      storedAsSubDirectories: false,
    },
  };
}

function glueColumn(column: ContractColumn): glue.CfnTable.ColumnProperty {
  return { name: column.name, type: column.type, comment: truncate(singleLine(column.description), MAX_COLUMN_COMMENT_LENGTH) };
}

/** `text` cut to `max` characters (ending in `…` when cut), as Glue length limits require. */
/**
 * Glue refuses line breaks and other control characters in column comments, and a YAML block
 * description (`description: >`) always ends in one: runs of white space become one space.
 */
export function singleLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function truncate(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
