/** `lakemesh validate`, run in-process. */
import * as path from 'node:path';
import { formatProblem } from '../../lib/errors';
import { DEFAULT_MESH_FILE, PACKAGE_ROOT } from '../../lib/cli/package-root';
import { MeshFixture } from '../config/mesh-fixture';
import { runCli } from './cli-harness';

describe('lakemesh validate', () => {
  test('prints a one-line summary and exits 0 for a valid mesh', async () => {
    const fixture = new MeshFixture();
    expect(await runCli(['validate', '--config', fixture.path()])).toEqual({
      code: 0,
      stdout: 'mesh shop: 2 domains, 2 products, 1 consumer, 1 grant — valid\n',
      stderr: '',
    });
  });

  test('checks the embedded retail example when no --config is given', async () => {
    expect(DEFAULT_MESH_FILE).toBe(path.join(PACKAGE_ROOT, 'examples', 'retail', 'mesh.yaml'));
    expect(await runCli(['validate'])).toEqual({
      code: 0,
      stdout: 'mesh retail: 3 domains, 5 products, 2 consumers, 7 grants — valid\n',
      stderr: '',
    });
  });

  test('accepts -c as the short form of --config', async () => {
    const fixture = new MeshFixture();
    expect((await runCli(['validate', '-c', fixture.path()])).code).toBe(0);
  });

  test('prints every problem as file:line:column: path: message [CODE] and a count, and exits 1', async () => {
    const fixture = MeshFixture.edited({
      'mesh.yaml': (text) => text.replace('role/analyst"', 'role/*"').replace('expires: 2027-06-30', 'expires: 2026-01-01'),
      'contracts/orders.odcs.yaml': (text) => text.replace('classification: internal', 'classification: secret'),
    });
    const result = await runCli(['validate', '--config', fixture.path()]);
    const problems = fixture.problems();
    expect(problems).toHaveLength(3);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${problems.map(formatProblem).join('\n')}\n3 problems found\n`,
    });
    expect(result.stderr.split('\n')[0]).toBe(
      `${fixture.path('contracts/orders.odcs.yaml')}:14:25: schema[0].properties[0].classification: classification "secret" of column orders.order_id is not in the mesh's ontology (public, internal, restricted); use one of those or add it to governance.tags.classification [LM219]`,
    );
  });

  test('uses the injected clock for grant expiry', async () => {
    const fixture = new MeshFixture();
    const result = await runCli(['validate', '--config', fixture.path()], { now: () => new Date('2027-07-01T00:00:00Z') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('grant expired on 2027-06-30 (today is 2027-07-01)');
  });

  test('reports a missing mesh file without a location or a stack trace', async () => {
    const fixture = new MeshFixture({});
    expect(await runCli(['validate', '--config', fixture.path()])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${fixture.path()}: cannot read the file (file not found) [LM001]\n1 problem found\n`,
    });
  });

  test('describes itself in --help', async () => {
    const result = await runCli(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lakemesh validate [options]');
    expect(result.stdout).toContain('-c, --config <file>');
    expect(result.stdout).toContain('examples/retail/mesh.yaml');
    expect(result.stdout).toContain('exits 1 when it is not');
  });
});
