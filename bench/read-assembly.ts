/**
 * Reads a synthesized cloud assembly (cdk.out) for the benchmark: per stack its resource count,
 * template bytes and Lake Formation chain, and the mesh-wide figures of the report. Each template
 * is parsed once and handed to `visit` (the CDK floor copies its resources from there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLakeFormationWrite, longestChainAcrossStacks, longestLakeFormationChain, TemplateResource } from './lf-chain';

const STACK_ARTIFACT = 'aws:cloudformation:stack';

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly displayName?: string;
  readonly properties?: { readonly templateFile?: string; readonly stackName?: string };
}

export interface AssemblyStack {
  /** Artifact id in manifest.json. */
  readonly id: string;
  readonly stackName: string;
  /** `aws://account/region` */
  readonly environment: string;
  /** Ids of the stacks this one depends on. */
  readonly dependencies: readonly string[];
  readonly resources: number;
  /** Size of the template file `cdk synth` writes (what CloudFormation's 1 MB limit applies to). */
  readonly templateBytes: number;
  readonly lakeFormationWrites: number;
  /** Longest chain of Lake Formation writes inside this stack. */
  readonly lakeFormationChain: number;
}

export interface AssemblyStats {
  readonly stacks: readonly AssemblyStack[];
  readonly totalResources: number;
  readonly largestByResources: { readonly stackName: string; readonly resources: number };
  readonly largestByBytes: { readonly stackName: string; readonly templateBytes: number };
  readonly lakeFormationWrites: number;
  /** Longest in-stack chain over all stacks. */
  readonly lakeFormationChainInStack: number;
  /** Longest chain when dependent stacks' chains add up (see lf-chain.ts). */
  readonly lakeFormationChain: number;
}

export interface ParsedTemplate {
  readonly Resources?: Readonly<Record<string, TemplateResource & { readonly Metadata?: unknown }>>;
}

/** Reads `outdir`; `visit` sees each stack's parsed template once. */
export function readAssembly(outdir: string, visit?: (stack: AssemblyStack, template: ParsedTemplate) => void): AssemblyStats {
  const manifestFile = path.join(outdir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { artifacts?: Record<string, ManifestArtifact> };
  const artifacts = Object.entries(manifest.artifacts ?? {}).filter(([, artifact]) => artifact.type === STACK_ARTIFACT);
  const stackIds = new Set(artifacts.map(([id]) => id));
  const stacks = artifacts.map(([id, artifact]): AssemblyStack => {
    const templateFile = path.join(outdir, artifact.properties?.templateFile ?? `${id}.template.json`);
    const text = fs.readFileSync(templateFile, 'utf8');
    const template = JSON.parse(text) as ParsedTemplate;
    const resources = template.Resources ?? {};
    const stack: AssemblyStack = {
      id,
      stackName: artifact.properties?.stackName ?? artifact.displayName ?? id,
      environment: artifact.environment ?? 'aws://unknown-account/unknown-region',
      dependencies: (artifact.dependencies ?? []).filter((dependency) => stackIds.has(dependency)),
      resources: Object.keys(resources).length,
      templateBytes: Buffer.byteLength(text),
      lakeFormationWrites: Object.values(resources).filter((r) => isLakeFormationWrite(r.Type)).length,
      lakeFormationChain: longestLakeFormationChain(resources),
    };
    visit?.(stack, template);
    return stack;
  });
  if (stacks.length === 0) throw new Error(`no CloudFormation stack in ${manifestFile}; did the synth write an assembly?`);
  const byResources = stacks.reduce((a, b) => (b.resources > a.resources ? b : a));
  const byBytes = stacks.reduce((a, b) => (b.templateBytes > a.templateBytes ? b : a));
  return {
    stacks,
    totalResources: sum(stacks.map((s) => s.resources)),
    largestByResources: { stackName: byResources.stackName, resources: byResources.resources },
    largestByBytes: { stackName: byBytes.stackName, templateBytes: byBytes.templateBytes },
    lakeFormationWrites: sum(stacks.map((s) => s.lakeFormationWrites)),
    lakeFormationChainInStack: Math.max(...stacks.map((s) => s.lakeFormationChain)),
    lakeFormationChain: longestChainAcrossStacks(stacks.map((s) => ({ id: s.id, chain: s.lakeFormationChain, dependencies: s.dependencies }))),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
