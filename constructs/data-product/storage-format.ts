/**
 * How a product's files are stored, in the terms a Glue table needs: input/output format, SerDe and
 * the `classification` table parameter Glue and Athena read. The format comes from the contract's
 * first `servers[]` entry that declares one; without any, Parquet.
 */
import { DataContract } from '../../lib/contract/model';
import { LakemeshError } from '../../lib/errors';
import { PRODUCT_CODES } from './codes';

export interface StorageFormat {
  /** Glue's `classification` table parameter, e.g. `parquet`. */
  readonly classification: string;
  readonly inputFormat: string;
  readonly outputFormat: string;
  readonly serializationLibrary: string;
  readonly serdeParameters: Readonly<Record<string, string>>;
}

const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

export const STORAGE_FORMATS = {
  parquet: {
    classification: 'parquet',
    inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    serdeParameters: { 'serialization.format': '1' },
  },
  orc: {
    classification: 'orc',
    inputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat',
    serializationLibrary: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
    serdeParameters: { 'serialization.format': '1' },
  },
  avro: {
    classification: 'avro',
    inputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat',
    serializationLibrary: 'org.apache.hadoop.hive.serde2.avro.AvroSerDe',
    serdeParameters: {},
  },
  // OpenCSVSerde rather than LazySimpleSerDe: it honours quoted fields, which real CSV has.
  csv: {
    classification: 'csv',
    inputFormat: TEXT_INPUT,
    outputFormat: TEXT_OUTPUT,
    serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
    serdeParameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
  },
  json: {
    classification: 'json',
    inputFormat: TEXT_INPUT,
    outputFormat: TEXT_OUTPUT,
    serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
    serdeParameters: {},
  },
} as const satisfies Record<string, StorageFormat>;

export type StorageFormatName = keyof typeof STORAGE_FORMATS;

export const DEFAULT_STORAGE_FORMAT: StorageFormatName = 'parquet';

/**
 * The storage format of `contract`: the `format` of the first `servers[]` entry that has one
 * (case-insensitive), else Parquet. Throws when that format is not one lakemesh can catalog.
 */
export function storageFormatOf(contract: DataContract): StorageFormat {
  const index = contract.servers.findIndex((server) => server.format !== undefined && server.format.trim() !== '');
  if (index < 0) return STORAGE_FORMATS[DEFAULT_STORAGE_FORMAT];
  const format = contract.servers[index].format!.trim().toLowerCase();
  if (format in STORAGE_FORMATS) return STORAGE_FORMATS[format as StorageFormatName];
  throw new LakemeshError([
    {
      code: PRODUCT_CODES.unsupportedFormat,
      path: `servers[${index}].format`,
      message: `storage format ${JSON.stringify(contract.servers[index].format)} of server "${contract.servers[index].server}" has no glue table mapping; use one of ${Object.keys(STORAGE_FORMATS).join(', ')}`,
      location: contract.location,
    },
  ]);
}
