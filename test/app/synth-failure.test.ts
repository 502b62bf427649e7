import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { addCompliancePacks } from '../../lib/app/compliance';
import { reportSynthFailure } from '../../lib/app/synth-failure';
import { LakemeshError } from '../../lib/errors';

function report(error: unknown): { exitCode: number | undefined; text: string } {
  let text = '';
  const exitCode = reportSynthFailure(error, (chunk) => (text += chunk));
  return { exitCode, text };
}

test('configuration problems are printed one per line with a count, exit 1', () => {
  const error = new LakemeshError([
    { code: 'LM223', path: 'grants[0].product', message: 'unknown product "sales.order"', location: { file: 'mesh.yaml', line: 30, column: 14 } },
  ]);
  expect(report(error)).toEqual({
    exitCode: 1,
    text: 'mesh.yaml:30:14: grants[0].product: unknown product "sales.order" [LM223]\nlakemesh: 1 problem(s) found; nothing was synthesized\n',
  });
});

test('a failed compliance check ends with its one-line summary, no stack trace, exit 1', () => {
  const app = new App();
  new s3.Bucket(new Stack(app, 'Plain'), 'Bucket');
  addCompliancePacks(app);
  let thrown: unknown;
  const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const silenceLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    app.synth();
  } catch (error) {
    thrown = error;
  } finally {
    silence.mockRestore();
    silenceLog.mockRestore();
  }
  const { exitCode, text } = report(thrown);
  expect(exitCode).toBe(1);
  expect(text).toMatch(/^lakemesh: synth stopped by compliance or template validation errors \(listed above\); report: \S+validation-report\.json\n$/);
  expect(text).not.toContain('    at ');
});

test('any other error is not swallowed', () => {
  expect(report(new TypeError('boom'))).toEqual({ exitCode: undefined, text: '' });
});
