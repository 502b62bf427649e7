/**
 * Builds the whole mesh app from a mesh.yaml (by default the embedded retail example) on a fixed
 * date, synthesizes it once, and hands out its templates by CloudFormation stack name. Also writes
 * edited copies of the example (next to copies of its contracts) for variant meshes.
 *
 * Synthesis costs seconds: build once per test file, in `beforeAll`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { MeshApp } from '../../lib/app/mesh-app';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig } from '../../lib/config/model';

/** The date every fixture mesh is loaded and granted on: before every expiry of the example. */
export const FIXED_TODAY = '2026-12-01';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLE_DIR = path.join(REPOSITORY_ROOT, 'examples', 'retail');
export const EXAMPLE_MESH_FILE = path.join(EXAMPLE_DIR, 'mesh.yaml');

/** One resource of a synthesized template, as JSON. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: readonly string[];
  readonly Metadata?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export interface TemplateJson {
  readonly Description?: string;
  readonly Resources: Record<string, CfnResourceJson>;
}

/** A synthesized mesh app: the model it was built from, the constructs, and the cloud assembly. */
export class SynthesizedMesh {
  constructor(
    readonly mesh: MeshConfig,
    readonly meshApp: MeshApp,
    readonly assembly: CloudAssembly,
  ) {}

  /** CloudFormation stack names, in assembly order. */
  get stackNames(): string[] {
    return this.assembly.stacks.map((stack) => stack.stackName);
  }

  artifact(stackName: string): CloudFormationStackArtifact {
    const found = this.assembly.stacks.find((stack) => stack.stackName === stackName);
    if (!found) throw new Error(`no stack named ${stackName}; stacks: ${this.stackNames.join(', ')}`);
    return found;
  }

  json(stackName: string): TemplateJson {
    return this.artifact(stackName).template as TemplateJson;
  }

  template(stackName: string): Template {
    return Template.fromJSON(this.json(stackName) as unknown as Record<string, unknown>);
  }

  /** `[logicalId, resource]` of every resource of `type` in the stack, sorted by logical id. */
  resources(stackName: string, type: string): [string, CfnResourceJson][] {
    return Object.entries(this.json(stackName).Resources)
      .filter(([, resource]) => resource.Type === type)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Names of the stacks `stackName` depends on (asset manifests left out), sorted. */
  dependencies(stackName: string): string[] {
    return this.artifact(stackName)
      .dependencies.filter((dependency): dependency is CloudFormationStackArtifact => dependency instanceof CloudFormationStackArtifact)
      .map((dependency) => dependency.stackName)
      .sort();
  }
}

export interface SynthesizeOptions {
  /** Where the cloud assembly goes. @default - a fresh temp dir, removed after the test file */
  readonly outdir?: string;
  /** @default FIXED_TODAY */
  readonly today?: string;
}

/** Loads `meshFile` on `today`, builds the `MeshApp` under a fresh `App` and synthesizes it. */
export function synthesizeMesh(meshFile: string = EXAMPLE_MESH_FILE, options: SynthesizeOptions = {}): SynthesizedMesh {
  const today = options.today ?? FIXED_TODAY;
  const mesh = loadMesh(meshFile, { today: new Date(`${today}T12:00:00Z`) });
  const app = new App({ outdir: options.outdir ?? temporaryDirectory('lakemesh-cdk-out-') });
  const meshApp = new MeshApp(app, 'Mesh', { mesh, today });
  return new SynthesizedMesh(mesh, meshApp, app.synth());
}

/** The example mesh model, loaded on `FIXED_TODAY`. */
export function loadExampleMesh(meshFile: string = EXAMPLE_MESH_FILE): MeshConfig {
  return loadMesh(meshFile, { today: new Date(`${FIXED_TODAY}T12:00:00Z`) });
}

/**
 * Writes a copy of the example into a fresh temp dir, mesh.yaml as `editMesh` makes it and each
 * contract named in `editContracts` (by file name) as its edit makes it, and returns the copy's
 * mesh.yaml path. Every edit must change its file, so a variant cannot silently stop being one.
 */
export function writeExampleVariant(
  editMesh: (meshYaml: string) => string,
  editContracts: Readonly<Record<string, (contractYaml: string) => string>> = {},
): string {
  const dir = temporaryDirectory('lakemesh-example-');
  fs.cpSync(path.join(EXAMPLE_DIR, 'contracts'), path.join(dir, 'contracts'), { recursive: true });
  const edits: [string, (text: string) => string][] = [['mesh.yaml', editMesh], ...Object.entries(editContracts).map(([file, edit]): [string, (text: string) => string] => [path.join('contracts', file), edit])];
  for (const [file, edit] of edits) {
    const original = fs.readFileSync(path.join(EXAMPLE_DIR, file), 'utf8');
    const edited = edit(original);
    if (edited === original && (file !== 'mesh.yaml' || Object.keys(editContracts).length === 0)) {
      throw new Error(`the example variant's edit of ${file} changed nothing`);
    }
    fs.writeFileSync(path.join(dir, file), edited);
  }
  return path.join(dir, 'mesh.yaml');
}

/** Leaves a file of `writeExampleVariant` as it is. */
export const unchanged = (text: string): string => text;

/** `text` with `search` replaced once; fails when `search` is not in it. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  if (!text.includes(search)) throw new Error(`"${search}" is not in the text to edit`);
  return text.replace(search, replacement);
}

/**
 * A template value with CDK's partition-aware ARNs (`Fn::Join` of literals and
 * `Ref: AWS::Partition`) turned into the plain strings they deploy as in partition `aws`.
 */
export function withPartition(value: unknown, partition = 'aws'): unknown {
  if (Array.isArray(value)) return value.map((item) => withPartition(item, partition));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, argument] = entries[0];
    if (key === 'Ref' && argument === 'AWS::Partition') return partition;
    if (key === 'Fn::Join' && Array.isArray(argument) && argument[0] === '') {
      const parts = (argument[1] as unknown[]).map((part) => withPartition(part, partition));
      if (parts.every((part) => typeof part === 'string')) return parts.join('');
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, withPartition(item, partition)]));
}

/** A temp dir removed after the test file. */
export function temporaryDirectory(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
