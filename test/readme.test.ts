/**
 * The README's TypeScript examples compile against the public API (`lakemesh` = ./index.ts), and
 * its first lines are the two set-up commands CI and newcomers rely on.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
}

test('the README opens with the set-up command and the test command', () => {
  const firstBlock = README.match(/```sh\n([\s\S]*?)```/)![1].split('\n').filter(Boolean);
  expect(firstBlock[0]).toMatch(/^npm ci && npx cdk synth\s/);
  expect(firstBlock[1]).toMatch(/^npm test\s/);
  const ciScript = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  expect(ciScript).toContain('npm ci');
  expect(ciScript).toMatch(/^npm test( |$)/m);
});

test('every TypeScript example in the README type-checks against the public API', () => {
  const blocks = typescriptBlocks(README);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-readme-'));
  const files = blocks.map((code, index) => {
    const file = path.join(dir, `example-${index}.ts`);
    fs.writeFileSync(file, code);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    baseUrl: ROOT,
    paths: { lakemesh: ['./index.ts'], '*': ['./node_modules/*', './node_modules/@types/*'] },
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(diagnostics).toEqual([]);
});
