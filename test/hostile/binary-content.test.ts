/**
 * Files that are not UTF-8 text: an image, random bytes, Latin-1 and UTF-16 text, text with NUL
 * bytes. Each is refused with LM003 and a hint to save the file as UTF-8; a UTF-8 byte order mark
 * and non-ASCII UTF-8 text are fine.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../lib/contract/load-contract';
import { loadMesh } from '../../lib/config/load-mesh';
import { readYamlSource, SOURCE_CODES } from '../../lib/source/yaml-source';
import { ExampleCopy, MESH, ORDERS, problemsOf, tempDir, TODAY } from './hostile-fixture';

/** The first bytes of every PNG file, then an IHDR chunk header. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);

const notUtf8 = (file: string) => ({
  code: SOURCE_CODES.notUtf8,
  path: '',
  message: `${file}: file is not valid UTF-8 text; save it as UTF-8 (binary files cannot be read)`,
});
const hasNul = (file: string) => ({
  code: SOURCE_CODES.notUtf8,
  path: '',
  message: `${file}: file contains NUL bytes; it looks binary, expected YAML or JSON text`,
});

function write(name: string, content: Uint8Array | string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('binary and non-UTF-8 files', () => {
  test('a PNG image given as mesh.yaml', () => {
    const file = write('mesh.yaml', PNG);
    expect(problemsOf(() => loadMesh(file, { today: TODAY }))).toEqual([notUtf8(file)]);
  });

  test('a PNG image listed as a contract is reported against that contract, once', () => {
    const example = new ExampleCopy();
    const contract = example.write(ORDERS, PNG);
    expect(example.problems()).toEqual([notUtf8(contract)]);
  });

  test('random bytes', () => {
    // 0xff never occurs in UTF-8, so the bytes are certainly invalid whatever the rest is.
    const file = write('random.odcs.yaml', Buffer.concat([randomBytes(4096), Buffer.from([0xff])]));
    expect(problemsOf(() => loadContract(file))).toEqual([notUtf8(file)]);
  });

  test('a Latin-1 contract (an "é" saved as the single byte 0xe9)', () => {
    const file = write('latin1.odcs.yaml', Buffer.from('apiVersion: v3.1.0\ndescription:\n  purpose: Caf\xe9 orders\n', 'latin1'));
    expect(problemsOf(() => loadContract(file))).toEqual([notUtf8(file)]);
  });

  test('a UTF-16 file with a byte order mark', () => {
    const file = write('mesh.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: lakemesh/v1\n', 'utf16le')]));
    expect(problemsOf(() => loadMesh(file, { today: TODAY }))).toEqual([notUtf8(file)]);
  });

  test('UTF-16 text without a byte order mark is valid UTF-8 but full of NUL bytes', () => {
    const file = write('mesh.yaml', Buffer.from('apiVersion: lakemesh/v1\n', 'utf16le'));
    expect(problemsOf(() => loadMesh(file, { today: TODAY }))).toEqual([hasNul(file)]);
  });

  test('a single NUL byte in otherwise valid YAML', () => {
    const file = write('nul.odcs.yaml', 'apiVersion: v3.1.0\nid: a\u0000b\n');
    expect(problemsOf(() => loadContract(file))).toEqual([hasNul(file)]);
  });

  test('an overlong UTF-8 encoding of "/" (a classic filter bypass) is invalid UTF-8', () => {
    const file = write('overlong.yaml', Buffer.concat([Buffer.from('a: '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]));
    expect(problemsOf(() => readYamlSource(file))).toEqual([notUtf8(file)]);
  });

  test('a UTF-16 surrogate half encoded in UTF-8 (CESU) is invalid UTF-8', () => {
    const file = write('surrogate.yaml', Buffer.concat([Buffer.from('a: '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]));
    expect(problemsOf(() => readYamlSource(file))).toEqual([notUtf8(file)]);
  });
});

describe('UTF-8 that must keep working', () => {
  test('a UTF-8 byte order mark is dropped and the example mesh loads', () => {
    const example = new ExampleCopy();
    example.write(MESH, `\ufeff${example.read(MESH)}`);
    example.write(ORDERS, `\ufeff${example.read(ORDERS)}`);
    expect(example.load().name).toBe('retail');
  });

  test('non-ASCII text (umlauts, CJK, emoji, right-to-left) in descriptions is kept as written', () => {
    const example = new ExampleCopy();
    const purpose = 'Bestellungen für Müller — 注文 📦 طلبات';
    example.replace(ORDERS, 'purpose: Every confirmed customer order across web, app and store channels, one row per order.', `purpose: "${purpose}"`);
    const orders = example.load().domains.flatMap((domain) => domain.products).find((product) => product.qualifiedName === 'sales.orders');
    expect(orders?.contract.description?.purpose).toBe(purpose);
  });

  test('control characters other than NUL inside quoted strings are read verbatim (later checks judge the value)', () => {
    const file = write('bell.yaml', 'a: "x\u0007\u001b[31m"\nb: 1\n');
    expect(readYamlSource(file).data).toEqual({ a: 'x\u0007\u001b[31m', b: 1 });
  });
});
