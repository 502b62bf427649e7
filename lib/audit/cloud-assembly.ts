/**
 * Reads the stack templates of a synthesized cloud assembly (`cdk.out`): the stacks its
 * `manifest.json` lists, and those of nested assemblies (`cdk:cloud-assembly` artifacts, which
 * CDK Stages produce as `assembly-*` directories). Only what the manifest lists is read, so stale
 * files left in the directory never reach the audit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LakemeshError, Problem } from '../errors';
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { AUDIT_CODES } from './codes';

export interface AssemblyStack {
  /** The artifact id in its manifest (for a nested assembly, the id inside it). */
  readonly artifactId: string;
  /** The CloudFormation stack name (`properties.stackName`, else the artifact id). */
  readonly stackName: string;
  /** The 12-digit account of the stack's environment, or undefined when environment-agnostic. */
  readonly account: string | undefined;
  readonly region: string | undefined;
  /** The template file, absolute. */
  readonly templateFile: string;
  readonly template: CfnObject;
}

const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';
const HINT = 'run `npx cdk synth` first, or point --cdk-out at the synthesized cloud assembly';

/**
 * Every stack of the assembly in `directory`, sorted by stack name then artifact id. Throws one
 * `LakemeshError` (LM600–LM603) with every problem found.
 */
export function readCloudAssembly(directory: string): AssemblyStack[] {
  if (!isDirectory(directory)) {
    throw LakemeshError.of(AUDIT_CODES.noCloudAssembly, `cloud assembly directory "${directory}" does not exist; ${HINT}`);
  }
  const problems: Problem[] = [];
  const stacks: AssemblyStack[] = [];
  readAssembly(directory, new Set(), stacks, problems);
  if (problems.length > 0) throw new LakemeshError(problems);
  if (stacks.length === 0) {
    throw LakemeshError.of(AUDIT_CODES.noStacks, `cloud assembly "${directory}" holds no stack templates; ${HINT}`);
  }
  return stacks.sort((a, b) => compare(a.stackName, b.stackName) || compare(a.artifactId, b.artifactId));
}

function readAssembly(directory: string, visited: Set<string>, stacks: AssemblyStack[], problems: Problem[]): void {
  const real = fs.realpathSync(directory);
  if (visited.has(real)) return;
  visited.add(real);
  const manifest = readManifest(directory, problems);
  if (manifest === undefined) return;
  for (const [artifactId, artifact] of Object.entries(manifest)) {
    if (!isCfnObject(artifact)) continue;
    const properties = isCfnObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === STACK_ARTIFACT) {
      const stack = readStack(directory, artifactId, artifact, properties, problems);
      if (stack) stacks.push(stack);
    } else if (artifact.type === NESTED_ASSEMBLY_ARTIFACT && typeof properties.directoryName === 'string') {
      const nested = path.join(directory, properties.directoryName);
      if (!isDirectory(nested)) {
        problems.push(problem(AUDIT_CODES.unreadableTemplate, `nested cloud assembly "${nested}" listed as artifact ${artifactId} does not exist; ${HINT}`));
        continue;
      }
      readAssembly(nested, visited, stacks, problems);
    }
  }
}

/** The manifest's `artifacts`, or undefined (with a problem) when there is no readable manifest. */
function readManifest(directory: string, problems: Problem[]): CfnObject | undefined {
  const file = path.join(directory, 'manifest.json');
  if (!fs.existsSync(file)) {
    problems.push(problem(AUDIT_CODES.noManifest, `"${directory}" has no manifest.json, so it is not a cloud assembly; ${HINT}`));
    return undefined;
  }
  const parsed = readJson(file);
  if (!parsed.ok || !isCfnObject(parsed.value) || typeof parsed.value.version !== 'string') {
    const reason = parsed.ok ? 'it has no "version"' : parsed.reason;
    problems.push(problem(AUDIT_CODES.noManifest, `"${file}" is not a cloud assembly manifest (${reason}); ${HINT}`));
    return undefined;
  }
  const artifacts = parsed.value.artifacts;
  return isCfnObject(artifacts) ? artifacts : {};
}

function readStack(
  directory: string,
  artifactId: string,
  artifact: CfnObject,
  properties: CfnObject,
  problems: Problem[],
): AssemblyStack | undefined {
  if (typeof properties.templateFile !== 'string') {
    problems.push(problem(AUDIT_CODES.unreadableTemplate, `stack artifact ${artifactId} in "${directory}" names no templateFile; ${HINT}`));
    return undefined;
  }
  const templateFile = path.resolve(directory, properties.templateFile);
  const parsed = fs.existsSync(templateFile) ? readJson(templateFile) : { ok: false as const, reason: 'the file does not exist' };
  if (!parsed.ok || !isCfnObject(parsed.value)) {
    const reason = parsed.ok ? 'it is not a JSON object' : parsed.reason;
    problems.push(problem(AUDIT_CODES.unreadableTemplate, `template "${templateFile}" of stack ${artifactId} cannot be read: ${reason}; ${HINT}`));
    return undefined;
  }
  const environment = parseEnvironment(artifact.environment);
  return {
    artifactId,
    stackName: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
    account: environment.account,
    region: environment.region,
    templateFile,
    template: parsed.value,
  };
}

/** `aws://123456789012/eu-west-1`; `unknown-account` / `unknown-region` mean environment-agnostic. */
export function parseEnvironment(environment: unknown): { account?: string; region?: string } {
  const match = typeof environment === 'string' ? /^aws:\/\/([^/]*)\/(.*)$/.exec(environment) : null;
  if (!match) return {};
  return {
    account: /^\d{12}$/.test(match[1]) ? match[1] : undefined,
    region: match[2] && match[2] !== 'unknown-region' ? match[2] : undefined,
  };
}

type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

function readJson(file: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `invalid JSON (${message.split('\n')[0]})` };
  }
}

function isDirectory(directory: string): boolean {
  try {
    return fs.statSync(directory).isDirectory();
  } catch {
    return false;
  }
}

function problem(code: string, message: string): Problem {
  return { code, message, path: '' };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
