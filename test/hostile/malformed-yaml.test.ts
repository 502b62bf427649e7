/**
 * Careless YAML: syntax slips, duplicate keys (also ones that only differ in YAML type), keys that
 * are lists, several documents in one file, an alias to nothing, a file that is not a mapping.
 * Each gives one located LM00x problem in the file where it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../lib/contract/load-contract';
import { readYamlSource, SOURCE_CODES } from '../../lib/source/yaml-source';
import { ExampleCopy, MESH, ORDERS, problemsOf, tempDir } from './hostile-fixture';

function yamlFile(text: string, name = 'input.yaml'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

const syntax = (file: string, line: number, column: number, reason: string) => ({
  code: SOURCE_CODES.syntax,
  path: '',
  message: `invalid YAML: ${reason}`,
  location: { file, line, column },
});

describe('syntax slips', () => {
  test.each([
    ['a tab used for indentation', 'a:\n\tb: 1\n', 2, 1, 'tabs are not allowed as indentation'],
    ['an unclosed flow list', 'a: [1, 2\nb: 3\n', 2, 1, 'flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['an unclosed double quote', 'a: "abc\nb: 1\n', 3, 1, 'missing closing "quote'],
    ['a mapping item out of line', 'a:\n  b: 1\n c: 2\n', 3, 1, 'all mapping items must start at the same column'],
    ['two documents in one file', 'a: 1\n---\nb: 2\n', 2, 1, 'source contains multiple documents; please use YAML.parseAllDocuments()'],
    ['a document end marker followed by garbage', 'a: 1\n...\ngarbage: [\n', 3, 1, 'source contains multiple documents; please use YAML.parseAllDocuments()'],
  ])('%s', (_name, text, line, column, reason) => {
    const file = yamlFile(text);
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, line, column, reason)]);
  });

  test('a syntax slip in one contract of the example is located in that contract', () => {
    const example = new ExampleCopy();
    example.replace(ORDERS, '    physicalType: table\n', '    physicalType: table\n\tdescription: x\n');
    const problems = example.problems();
    // The parser reports follow-on errors too; the first is the slip itself, and all are in the contract.
    expect(problems[0]).toEqual(syntax(example.path(ORDERS), example.at(ORDERS, '\tdescription').line, 1, 'tabs are not allowed as indentation'));
    expect(new Set(problems.map((problem) => `${problem.code} ${problem.location?.file}`))).toEqual(new Set([`${SOURCE_CODES.syntax} ${example.path(ORDERS)}`]));
  });
});

describe('duplicate keys', () => {
  test('a key written twice', () => {
    const file = yamlFile('a: 1\nb: 2\na: 3\n');
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, 3, 1, 'map keys must be unique')]);
  });

  test('keys that differ only in YAML type (1 and "1", true and "true") are duplicates too', () => {
    // As JavaScript object keys they are the same, so one would silently overwrite the other.
    const file = yamlFile('1: a\n"1": b\ntrue: c\n"true": d\n');
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, 2, 1, 'map keys must be unique'), syntax(file, 4, 1, 'map keys must be unique')]);
  });

  test('a grant field written twice in mesh.yaml is located at the second one', () => {
    const example = new ExampleCopy();
    example.replace(MESH, '    role: reader\n', '    role: reader\n    role: analyst\n');
    expect(example.problems()).toEqual([syntax(example.path(), example.at(MESH, 'role: analyst').line, 5, 'map keys must be unique')]);
  });
});

describe('keys and aliases that cannot be data', () => {
  test('a list used as a key is refused instead of being turned into the text "[ a, b ]"', () => {
    const file = yamlFile('? [a, b]\n: 1\n');
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, 1, 3, 'keys must be plain text, not lists, mappings or empty')]);
  });

  test('a mapping used as a key in a contract', () => {
    const file = yamlFile('apiVersion: v3.1.0\n{id: x}: 1\n', 'c.odcs.yaml');
    expect(problemsOf(() => loadContract(file))).toEqual([syntax(file, 2, 1, 'keys must be plain text, not lists, mappings or empty')]);
  });

  test('an alias to an anchor that does not exist names the alias, without blaming alias expansion', () => {
    const file = yamlFile('a: *nope\n');
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, 1, 1, 'unresolved alias (the anchor must be set before the alias): nope')]);
  });
});

describe('files that are not a mapping', () => {
  test.each([
    ['only comments', '# nothing\n# here\n', SOURCE_CODES.empty, 'file is empty; expected a YAML mapping', 1],
    ['a lone scalar', 'just a string\n', SOURCE_CODES.notAMapping, 'expected a mapping at the top of the file, got a string ("just a string")', 1],
    ['a list', '- a\n- b\n', SOURCE_CODES.notAMapping, 'expected a mapping at the top of the file, got a list', 1],
    ['a number', '42\n', SOURCE_CODES.notAMapping, 'expected a mapping at the top of the file, got a number (42)', 1],
  ])('%s', (_name, text, code, message, line) => {
    const file = yamlFile(text);
    expect(problemsOf(() => readYamlSource(file))).toEqual([{ code, path: '', message, location: { file, line, column: 1 } }]);
  });

  test('/etc/passwd-like text is not a mapping', () => {
    const file = yamlFile('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    expect(problemsOf(() => readYamlSource(file))).toEqual([
      {
        code: SOURCE_CODES.notAMapping,
        path: '',
        message: 'expected a mapping at the top of the file, got a string ("root:x:0:0:root:/root:/bin/bash daemon:x…")',
        location: { file, line: 1, column: 1 },
      },
    ]);
  });
});

describe('JSON input', () => {
  test('a JSON contract is read like YAML', () => {
    const file = yamlFile(JSON.stringify({ apiVersion: 'v3.1.0', kind: 'DataContract' }), 'c.odcs.json');
    expect(readYamlSource(file).data).toEqual({ apiVersion: 'v3.1.0', kind: 'DataContract' });
  });

  test('JSON with a duplicate key is refused (JSON.parse would keep the last one silently)', () => {
    const file = yamlFile('{"id": "a", "id": "b"}', 'c.odcs.json');
    expect(problemsOf(() => readYamlSource(file))).toEqual([syntax(file, 1, 13, 'map keys must be unique')]);
  });
});
