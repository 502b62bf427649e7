/**
 * The bundled handler, run through the CDK's own custom resource entrypoint, against a loopback
 * fake of the Lake Formation API: checks what the mocks cannot (the esbuild bundle loads, the real
 * SDK serializes the settings and surfaces wire errors by name, the entrypoint reports the physical
 * id and the failure reason the way CloudFormation will see them).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledHandlerDirectory } from '../../../lib/handlers/bundle';
import { createEvent, DEPLOY_ROLE, FOREIGN_ADMIN, fresh, PLATFORM_ADMIN } from './fixtures';

const ROOT = path.join(__dirname, '..', '..', '..');
const ENTRY = path.join(ROOT, 'lib', 'handlers', 'data-lake-settings', 'index.ts');
/** What `CustomResourceProvider` deploys as `__entrypoint__.js` next to the handler. */
const ENTRYPOINT = path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'custom-resource-handlers', 'dist', 'core', 'nodejs-entrypoint-handler', 'index.js');

interface Entrypoint {
  handler(event: unknown, context: unknown): Promise<void>;
  external: {
    sendHttpRequest: (options: unknown, body: string) => Promise<void>;
    log: (...args: unknown[]) => void;
    includeStackTraces: boolean;
    userHandlerIndex: string;
  };
}

interface CloudFormationResponse {
  Status: string;
  Reason: string;
  PhysicalResourceId: string;
}

type Reply = { body: unknown } | { error: string; message?: string };

interface Call {
  operation: string;
  body: Record<string, unknown>;
}

/** Answers each request with the next scripted reply: a body (200) or an error type (400). */
function lakeFormationFake(replies: Reply[]): { calls: Call[]; start(): Promise<string>; stop(): Promise<void> } {
  const calls: Call[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      calls.push({ operation: request.url ?? '', body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      const reply = replies.shift() ?? { error: 'InternalServiceException' };
      if ('error' in reply) {
        response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': reply.error });
        response.end(JSON.stringify({ Message: reply.message ?? `${reply.error} from the fake` }));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(reply.body));
      }
    });
  });
  return {
    calls,
    start: () =>
      new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Loads the bundle the way Lambda would, with node_modules reachable for the external AWS SDK. */
function loadEntrypoint(directory: string): { entrypoint: Entrypoint; responses: CloudFormationResponse[] } {
  fs.copyFileSync(path.join(bundledHandlerDirectory(ENTRY), 'index.js'), path.join(directory, 'index.js'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  const entrypoint = jest.requireActual<Entrypoint>(ENTRYPOINT);
  const responses: CloudFormationResponse[] = [];
  entrypoint.external.userHandlerIndex = path.join(directory, 'index.js');
  entrypoint.external.includeStackTraces = false;
  entrypoint.external.log = () => undefined;
  entrypoint.external.sendHttpRequest = async (_options, body) => {
    responses.push(JSON.parse(body) as CloudFormationResponse);
  };
  return { entrypoint, responses };
}

const savedEnv = { ...process.env };
let fake: ReturnType<typeof lakeFormationFake>;
let directory: string;

async function run(replies: Reply[]): Promise<CloudFormationResponse> {
  fake = lakeFormationFake(replies);
  process.env.AWS_ENDPOINT_URL_LAKEFORMATION = await fake.start();
  const { entrypoint, responses } = loadEntrypoint(directory);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await entrypoint.handler({ ...createEvent(), ResponseURL: 'https://cloudformation.invalid/response' }, {});
  expect(responses).toHaveLength(1);
  return responses[0];
}

beforeEach(() => {
  jest.resetModules();
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-loopback-'));
  Object.assign(process.env, { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
});

afterEach(async () => {
  jest.restoreAllMocks();
  process.env = { ...savedEnv };
  await fake.stop();
  // rmSync removes the node_modules symlink, not what it points at.
  fs.rmSync(directory, { recursive: true });
});

test('a create merges the admins over the wire and reports the physical id', async () => {
  const response = await run([{ body: { DataLakeSettings: fresh(FOREIGN_ADMIN) } }, { body: {} }]);
  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'lakemesh-data-lake-settings' });
  expect(fake.calls.map((call) => call.operation)).toEqual(['/GetDataLakeSettings', '/PutDataLakeSettings']);
  expect(fake.calls[1].body).toEqual({
    DataLakeSettings: {
      DataLakeAdmins: [FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN].map((arn) => ({ DataLakePrincipalIdentifier: arn })),
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    },
  });
});

test('a ConcurrentModificationException from the wire is retried', async () => {
  const response = await run([
    { body: { DataLakeSettings: fresh() } },
    { error: 'ConcurrentModificationException' },
    { body: { DataLakeSettings: fresh() } },
    { body: {} },
  ]);
  expect(response.Status).toBe('SUCCESS');
  expect(fake.calls).toHaveLength(4);
});

test('a stale principal fails the resource with the message CloudFormation shows', async () => {
  const response = await run([
    { body: { DataLakeSettings: fresh(FOREIGN_ADMIN) } },
    { error: 'InvalidInputException', message: `Invalid principal, arn: ${FOREIGN_ADMIN}` },
  ]);
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toBe(
    `the account's data lake admin list holds ${FOREIGN_ADMIN}, which does not exist ("Invalid principal, arn: ${FOREIGN_ADMIN}"), and lake formation refuses every settings change while it is listed: remove it under lake formation > administrative roles and tasks, then retry the deployment [LM311]`,
  );
  expect(response.PhysicalResourceId).toBe('AWSCDK::CustomResourceProviderFramework::CREATE_FAILED');
});
