/**
 * Benchmark child: synthesizes a mesh the way `bin/app.ts` does (early validation worker → loadLockedMesh → MeshApp →
 * compliance packs → tree metadata setting → parallel template validation → synth) and records the time of each phase and the peak RSS. Run by
 * `bench/run.ts` in a fresh process per measurement; usage:
 * `node --import tsx bench/synth-mesh.ts '<SynthMeshOptions JSON>'`.
 */
import { App } from 'aws-cdk-lib';
import { addCompliancePacks } from '../lib/app/compliance';
import { MeshApp } from '../lib/app/mesh-app';
import { startValidationWorkerEarly, useParallelTemplateValidation } from '../lib/app/parallel-template-validation';
import { limitTreeMetadata } from '../lib/app/tree-metadata';
import { loadLockedMesh } from '../lib/lock/load-locked-mesh';
import { benchContext } from './cdk-context';
import { childOptions, finishChild, PhaseTimer } from './measure';

export interface SynthMeshOptions {
  readonly meshFile: string;
  readonly outdir: string;
  readonly resultFile: string;
  /** Run the compliance packs, as `cdk synth` does. */
  readonly nag: boolean;
  readonly liftResourceLimit: boolean;
}

function main(): void {
  const options = childOptions<SynthMeshOptions>();
  const timer = new PhaseTimer();
  // Like bin/app.ts (the generated meshes have no lock file, so nothing is gated, but the lookup is paid).
  const mesh = timer.time('load', () => {
    startValidationWorkerEarly();
    return loadLockedMesh(options.meshFile).mesh;
  });
  const app = timer.time('construct', () => {
    const built = new App({ outdir: options.outdir, context: benchContext(options) });
    new MeshApp(built, 'Mesh', { mesh: mesh! });
    addCompliancePacks(built);
    limitTreeMetadata(built);
    useParallelTemplateValidation(built);
    return built;
  });
  timer.time('synth', () => app!.synth());
  finishChild(options.resultFile, timer.result());
}

if (require.main === module) main();
