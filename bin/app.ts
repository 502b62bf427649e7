#!/usr/bin/env node
/**
 * CDK entry point: builds every stack of the mesh in `-c lakemesh:config=PATH` (default: the
 * embedded example), checked against its contract lock when there is one (see docs/lock.md).
 * Configuration problems are printed like `lakemesh validate` prints them, without a stack trace,
 * and the synth fails.
 */
import { App } from 'aws-cdk-lib';
import { addCompliancePacks } from '../lib/app/compliance';
import { meshConfigPath } from '../lib/app/mesh-config-path';
import { MeshApp } from '../lib/app/mesh-app';
import { formatProblem, LakemeshError } from '../lib/errors';
import { loadLockedMesh } from '../lib/lock/load-locked-mesh';

/** Name of the error aws-cdk-lib throws when a validation plugin (a nag pack) or the template validator reports errors. */
const VALIDATION_FAILED = 'ValidationFailed';

function main(): void {
  const app = new App();
  try {
    // With a contract lock beside mesh.yaml, a breaking contract change without a major version stops synth here.
    const { mesh } = loadLockedMesh(meshConfigPath(app));
    new MeshApp(app, 'Mesh', { mesh });
    addCompliancePacks(app);
    app.synth();
  } catch (error) {
    if (error instanceof LakemeshError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`lakemesh: ${error.problems.length} problem(s) found; nothing was synthesized\n`);
      process.exit(1);
    }
    if (error instanceof Error && error.name === VALIDATION_FAILED) {
      // The packs and the template validator have printed their findings above.
      process.stderr.write(`lakemesh: ${error.message.split('\n')[0]}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main();
