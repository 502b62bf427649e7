/** The CDK entry point (bin/app.ts) runs the lock gate before building anything. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { edit, lockedFixture, ORDERS, removeEmail, version } from './lock-fixture';

const APP = path.join(__dirname, '..', '..', 'bin', 'app.ts');

test('synth fails with the gate message and builds nothing on a breaking change without a new major version', () => {
  const fixture = lockedFixture({ 'mesh.yaml': (text) => text.replace('    expires: 2027-06-30\n', '') });
  edit(fixture, ORDERS, (text) => version('1.1.0')(removeEmail(text)));
  const out = fixture.path('cdk.out');
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', APP], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ 'lakemesh:config': fixture.path() }), CDK_OUTDIR: out },
  });
  expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
    code: 1,
    stdout: '',
    stderr:
      `${fixture.path(ORDERS)}:4:10: version: sales.orders changed in a breaking way since mesh.lock.json without a new major version (1.0.0 → 1.1.0): ` +
      `orders.email: column removed (it was string); bump the version to 2.0.0 or revert the breaking changes, then run \`lakemesh lock --config ${fixture.path()}\` [LM520]\n` +
      'lakemesh: 1 problem(s) found; nothing was synthesized\n',
  });
  expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false);
});
