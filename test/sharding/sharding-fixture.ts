/**
 * Meshes large enough to shard (from the benchmark's generator), edits of them (a product added, a
 * grant added or removed), and their synthesis the way `cdk synth` writes templates (path and asset
 * metadata, version reporting), read back as the facts the sharding tests compare: each resource's
 * stack and logical id, each stack's resource count, template size and dependencies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { parse, stringify } from 'yaml';
import { buildMeshFiles } from '../../bench/generate-mesh';
import { generateContract } from '../../bench/generate-contract';
import { SeededRandom } from '../../bench/random';
import { MeshSize } from '../../bench/sizes';
import { MeshApp } from '../../lib/app/mesh-app';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig } from '../../lib/config/model';
import { ShardLimits } from '../../lib/sharding/limits';
import { ShardState } from '../../lib/sharding/state';
import { temporaryDirectory } from '../support/mesh-app-fixture';

/** The date meshes are loaded and granted on: before every generated expiry (2099). */
export const TODAY = '2026-12-01';

/** What the CDK CLI adds to the context of `cdk synth`: templates get the size they deploy with. */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
};

export interface MeshDocument {
  domains: { name: string; products: string[] }[];
  consumers: { name: string }[];
  grants: { product: string; consumer: string; role: string; purpose: string; requestedBy: string; approvedBy: string; expires?: string }[];
}

/** A generated mesh as files: edit `mesh` (and add contracts) before `write`. */
export class GeneratedMesh {
  readonly files: Map<string, string>;
  readonly mesh: MeshDocument;

  constructor(size: MeshSize, seed?: number) {
    this.files = new Map(buildMeshFiles(size, seed));
    this.mesh = parse(this.files.get('mesh.yaml')!) as MeshDocument;
  }

  /** Adds a generated product (its contract file too) to `domain`; returns `<domain>.<product>` and its roles. */
  addProduct(domain: string, productNumber: number): { product: string; roles: readonly string[] } {
    const contract = generateContract(new SeededRandom(productNumber), { domain, productNumber });
    const file = `contracts/${domain}/${contract.slug}.odcs.yaml`;
    this.files.set(file, stringify(contract.document, { lineWidth: 0 }));
    this.mesh.domains.find((candidate) => candidate.name === domain)!.products.push(file);
    return { product: `${domain}.${contract.slug}`, roles: contract.roles };
  }

  addGrant(product: string, consumer: string, role: string): void {
    this.mesh.grants.push({ product, consumer, role, purpose: 'sharding test', requestedBy: 'ana@example.com', approvedBy: 'lena@example.com' });
  }

  /** Removes the grant at `index` and returns it. */
  removeGrant(index: number): MeshDocument['grants'][number] {
    return this.mesh.grants.splice(index, 1)[0];
  }

  /** Writes the files into a fresh temp dir; returns the loaded mesh. */
  write(): MeshConfig {
    const dir = temporaryDirectory('lakemesh-sharding-');
    for (const [relative, content] of [...this.files, ['mesh.yaml', stringify(this.mesh, { lineWidth: 0 })] as const]) {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), content);
    }
    return loadMesh(path.join(dir, 'mesh.yaml'), { today: new Date(`${TODAY}T12:00:00Z`) });
  }
}

export interface SynthesizedResource {
  readonly stack: string;
  readonly type: string;
  readonly dependsOn: readonly string[];
  readonly metadata?: Record<string, unknown>;
  readonly properties?: Record<string, unknown>;
}

export interface SynthesizedStack {
  readonly stackName: string;
  readonly resources: ReadonlyMap<string, SynthesizedResource>;
  readonly templateBytes: number;
  /** Stack names it depends on. */
  readonly dependencies: readonly string[];
  readonly template: Record<string, unknown>;
}

/** A synthesized mesh app, as the sharding tests look at it. */
export interface Synthesized {
  readonly meshApp: MeshApp;
  readonly stacks: readonly SynthesizedStack[];
}

export interface SynthOptions {
  readonly shardState?: ShardState;
  readonly shardLimits?: ShardLimits;
}

/** Builds and synthesizes `mesh` under a fresh `App` with the CLI's context. */
export function synthesize(mesh: MeshConfig, options: SynthOptions = {}): Synthesized {
  const outdir = temporaryDirectory('lakemesh-sharding-out-');
  const app = new App({ outdir, context: CLI_CONTEXT });
  const meshApp = new MeshApp(app, 'Mesh', { mesh, today: TODAY, ...options });
  const assembly = app.synth();
  const stacks = assembly.stacks.map((artifact): SynthesizedStack => {
    const template = artifact.template as { Resources: Record<string, { Type: string; DependsOn?: string[]; Metadata?: Record<string, unknown>; Properties?: Record<string, unknown> }> };
    const resources = new Map(
      Object.entries(template.Resources).map(([logicalId, resource]): [string, SynthesizedResource] => [
        logicalId,
        { stack: artifact.stackName, type: resource.Type, dependsOn: resource.DependsOn ?? [], metadata: resource.Metadata, properties: resource.Properties },
      ]),
    );
    return {
      stackName: artifact.stackName,
      resources,
      templateBytes: fs.statSync(path.join(outdir, artifact.templateFile)).size,
      dependencies: artifact.dependencies.filter((d): d is CloudFormationStackArtifact => d instanceof CloudFormationStackArtifact).map((d) => d.stackName),
      template,
    };
  });
  return { meshApp, stacks };
}

/** The stack group a stack name belongs to: the name without its `--<shard>` suffix. */
export function groupOf(stackName: string): string {
  return stackName.replace(/--\d+$/, '');
}

/**
 * Where every resource is: `<group> <logicalId>` → the stacks holding it. Logical ids repeat across
 * groups (every domain has `Domain/Product-<slug>`); within a group only per-stack machinery repeats
 * (version metadata, custom resource providers), never a unit's resource.
 */
export function placements(synthesized: Synthesized): Map<string, string> {
  const where = new Map<string, string[]>();
  for (const stack of synthesized.stacks) {
    for (const logicalId of stack.resources.keys()) {
      const key = `${groupOf(stack.stackName)} ${logicalId}`;
      where.set(key, [...(where.get(key) ?? []), stack.stackName]);
    }
  }
  return new Map([...where].map(([key, stacks]) => [key, stacks.join(', ')]));
}
