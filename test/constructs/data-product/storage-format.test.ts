import { DEFAULT_STORAGE_FORMAT, STORAGE_FORMATS, storageFormatOf } from '../../../constructs/data-product/storage-format';
import { contract } from '../../support/contract-factory';

describe('storageFormatOf', () => {
  test('is Parquet when no server declares a format', () => {
    expect(DEFAULT_STORAGE_FORMAT).toBe('parquet');
    expect(storageFormatOf(contract({ servers: [{ server: 'lake', type: 's3' }] }))).toBe(STORAGE_FORMATS.parquet);
  });

  test('reads ORC with the ORC SerDe and formats', () => {
    expect(storageFormatOf(contract({ servers: [{ server: 'lake', type: 's3', format: 'orc' }] }))).toEqual({
      classification: 'orc',
      inputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat',
      serializationLibrary: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
      serdeParameters: { 'serialization.format': '1' },
    });
  });

  test('reads Avro with the Avro SerDe and container formats', () => {
    expect(storageFormatOf(contract({ servers: [{ server: 'lake', type: 's3', format: 'avro' }] }))).toEqual({
      classification: 'avro',
      inputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat',
      serializationLibrary: 'org.apache.hadoop.hive.serde2.avro.AvroSerDe',
      serdeParameters: {},
    });
  });

  test('ignores case and surrounding blanks, and skips servers with a blank format', () => {
    const servers = [
      { server: 'a', type: 's3', format: '  ' },
      { server: 'b', type: 's3', format: ' JSON ' },
    ];
    expect(storageFormatOf(contract({ servers }))).toBe(STORAGE_FORMATS.json);
  });
});
