/** The real entry point, bin/lakemesh.js, as a subprocess (what `npx lakemesh` runs). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { MeshFixture } from '../config/mesh-fixture';

const BIN = path.join(__dirname, '..', '..', 'bin', 'lakemesh.js');

function lakemesh(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/lakemesh.js', () => {
  // No expiry, so the real clock cannot make this fixture invalid.
  const withoutExpiry = (text: string) => text.replace('    expires: 2027-06-30\n', '');

  test('validates a mesh and exits 0', () => {
    const fixture = MeshFixture.edited({ 'mesh.yaml': withoutExpiry });
    expect(lakemesh('validate', '--config', fixture.path())).toEqual({
      code: 0,
      stdout: 'mesh shop: 2 domains, 2 products, 1 consumer, 1 grant — valid\n',
      stderr: '',
    });
  });

  test('prints located problems and exits 1 for an invalid mesh', () => {
    const fixture = MeshFixture.edited({ 'mesh.yaml': (text) => withoutExpiry(text).replace('consumer: marketing', 'consumer: marketting') });
    expect(lakemesh('validate', '--config', fixture.path())).toEqual({
      code: 1,
      stdout: '',
      stderr: `${fixture.path()}:27:15: grants[0].consumer: unknown consumer "marketting"; did you mean "marketing"? [LM224]\n1 problem found\n`,
    });
  });
});
