/** What every command shares: help, version, usage errors and internal errors. */
import packageJson from '../../package.json';
import { EXIT_CODES } from '../../lib/cli/io';
import { MeshFixture } from '../config/mesh-fixture';
import { runCli } from './cli-harness';

describe('lakemesh program', () => {
  test('lists its commands in --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Usage: lakemesh [options] [command]');
    expect(result.stdout).toMatch(/validate \[options\]\s+check mesh\.yaml and every contract it lists/);
  });

  test('prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  test('exits with the usage code and a hint for an unknown command', async () => {
    const result = await runCli(['valdate']);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("error: unknown command 'valdate'\n(Did you mean validate?)\n(run lakemesh --help for usage)\n");
  });

  test('exits with the usage code for an unknown option', async () => {
    const result = await runCli(['validate', '--confg', 'mesh.yaml']);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toBe("error: unknown option '--confg'\n(Did you mean --config?)\n(run lakemesh --help for usage)\n");
  });

  test('exits with the usage code and prints help when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain('Usage: lakemesh [options] [command]');
  });

  test('turns an unexpected error into a one-line internal error with exit 70', async () => {
    const fixture = new MeshFixture();
    const result = await runCli(['validate', '--config', fixture.path()], {
      stdout: () => {
        throw new Error('write EPIPE\n    at Socket.write');
      },
    });
    expect(EXIT_CODES.internal).toBe(70);
    expect(result).toEqual({
      code: 70,
      stdout: '',
      stderr: 'lakemesh: internal error: write EPIPE (this is a bug in lakemesh; please report it with the command you ran)\n',
    });
  });

  test('uses distinct exit codes', () => {
    expect(EXIT_CODES).toEqual({ ok: 0, invalid: 1, drift: 2, usage: 64, internal: 70 });
  });
});
