/**
 * Property: whatever bytes, YAML-ish text or JSON-like document the contract parser or the mesh
 * loader is given, the only error that escapes is a `LakemeshError`, every problem in it has a
 * stable `LMnnn` code and a message that leaks no JavaScript internals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { loadMesh } from '../../lib/config/load-mesh';
import { loadContract } from '../../lib/contract/load-contract';
import { LakemeshError } from '../../lib/errors';
import { CONTRACT_HEADER, documentValue, MESH_HEADER, randomBytes, withHeader, yamlishText } from './fuzz-arbitraries';
import { failureDefects, tempDir, TODAY, wordsFromInput } from './hostile-fixture';

const SEED = 20261115;
const dir = tempDir('lakemesh-fuzz-');
const contractFile = path.join(dir, 'fuzz.odcs.yaml');
const meshFile = path.join(dir, 'mesh.yaml');

function parsers(content: string | Uint8Array): string[] {
  fs.writeFileSync(contractFile, content);
  fs.writeFileSync(meshFile, content);
  const allowed = wordsFromInput(typeof content === 'string' ? content : Buffer.from(content).toString('latin1'));
  return [
    ...failureDefects(() => loadContract(contractFile), allowed).map((defect) => `loadContract: ${defect}`),
    ...failureDefects(() => loadMesh(meshFile, { today: TODAY }), allowed).map((defect) => `loadMesh: ${defect}`),
  ];
}

describe('the contract parser and the mesh loader never fail with anything but a clean LakemeshError', () => {
  test('on random bytes', () => {
    fc.assert(fc.property(randomBytes, (bytes) => expect(parsers(bytes)).toEqual([])), { numRuns: 100, seed: SEED });
  });

  test('on text made of YAML syntax, known keys and tricky scalars', () => {
    fc.assert(fc.property(yamlishText, (text) => expect(parsers(text)).toEqual([])), { numRuns: 200, seed: SEED });
  });

  test('on YAML-ish text after a valid contract or mesh header', () => {
    const contractHead = 'apiVersion: v3.1.0\nkind: DataContract\nid: fuzz\nversion: 1.0.0\nstatus: active\n';
    const meshHead = 'apiVersion: lakemesh/v1\nkind: Mesh\nname: fuzz\nregion: eu-west-1\n';
    fc.assert(
      fc.property(fc.constantFrom(contractHead, meshHead), yamlishText, (head, text) => expect(parsers(`${head}${text}`)).toEqual([])),
      { numRuns: 150, seed: SEED },
    );
  });

  test('on arbitrary JSON-like documents', () => {
    fc.assert(fc.property(documentValue, (value) => expect(parsers(JSON.stringify(value) ?? 'null')).toEqual([])), { numRuns: 100, seed: SEED });
  });

  test('on contract- and mesh-shaped documents, as JSON and as YAML flow text', () => {
    fc.assert(
      fc.property(fc.oneof(withHeader(CONTRACT_HEADER), withHeader(MESH_HEADER)), (document) => expect(parsers(JSON.stringify(document))).toEqual([])),
      { numRuns: 150, seed: SEED },
    );
  });
});

describe('the failure check the properties rely on', () => {
  test('flags another error type, a code that is not LMnnn, leaked internals and a bad location', () => {
    const throwing = (error: unknown) => () => {
      throw error;
    };
    expect(failureDefects(() => 'fine')).toEqual([]);
    expect(failureDefects(throwing(new TypeError("cannot read properties of undefined (reading 'x')")))).toEqual([
      "threw TypeError, not LakemeshError: cannot read properties of undefined (reading 'x')",
    ]);
    expect(failureDefects(throwing(LakemeshError.of('E1', 'got [object Object]')))).toEqual(['code "E1" is not LMnnn', 'message leaks "[object Object]": got [object Object]']);
    expect(failureDefects(throwing(new LakemeshError([{ code: 'LM001', path: '', message: 'x is undefined', location: { file: 'f', line: 0, column: 1 } }])))).toEqual([
      'message leaks "undefined": x is undefined',
      'location {"file":"f","line":0,"column":1} is not 1-based',
    ]);
    expect(failureDefects(throwing(LakemeshError.of('LM011', 'expected a string, got a number (NaN)')), ['NaN'])).toEqual([]);
  });
});
