/**
 * The handler behind the CDK's own custom resource entry point (`__entrypoint__.js`), which is what
 * runs in Lambda: it calls `handler(event, context)` and reports the result to CloudFormation.
 */
import * as path from 'node:path';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, RAMClient } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import { event, GOVERNANCE, invitation } from './fixtures';

interface Entrypoint {
  handler(event: unknown, context: unknown): Promise<void>;
  external: {
    sendHttpRequest: (options: unknown, body: string) => Promise<void>;
    log: (...args: unknown[]) => void;
    includeStackTraces: boolean;
    userHandlerIndex: string;
  };
}

const ENTRYPOINT = path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'custom-resource-handlers', 'dist', 'core', 'nodejs-entrypoint-handler', 'index.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const entrypoint = require(ENTRYPOINT) as Entrypoint;

const ram = mockClient(RAMClient);
let responses: Record<string, unknown>[];

beforeEach(() => {
  ram.reset();
  responses = [];
  entrypoint.external.userHandlerIndex = require.resolve('../../../lib/handlers/accept-ram-invitations/index');
  entrypoint.external.log = () => undefined;
  entrypoint.external.includeStackTraces = false;
  entrypoint.external.sendHttpRequest = async (_options, body) => {
    responses.push(JSON.parse(body) as Record<string, unknown>);
  };
});

function send(options: Parameters<typeof event>[0]) {
  const lambdaEvent = { ...event(options), ResponseURL: 'https://cloudformation-custom-resource-response.example/response?signature=x' };
  return entrypoint.handler(lambdaEvent, { getRemainingTimeInMillis: () => 900_000 });
}

test('reports success with the physical id and counts the handler returns', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation()] });
  ram.on(AcceptResourceShareInvitationCommand).resolves({});

  await send({});

  expect(responses).toEqual([
    expect.objectContaining({
      Status: 'SUCCESS',
      PhysicalResourceId: 'ram-invitation-acceptance-Acceptance',
      Data: { AcceptedInvitationCount: 1, PreviouslyAcceptedShareCount: 0 },
    }),
  ]);
});

test('reports a failure with the handler message as the reason', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ status: 'EXPIRED' })] });

  await send({});

  expect(responses).toHaveLength(1);
  expect(responses[0].Status).toBe('FAILED');
  expect(responses[0].Reason).toMatch(new RegExp(`^the ram invitation from account ${GOVERNANCE} .* \\[LM331\\]$`));
});
