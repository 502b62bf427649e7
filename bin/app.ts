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
import { startValidationWorkerEarly, useParallelTemplateValidation } from '../lib/app/parallel-template-validation';
import { reportSynthFailure } from '../lib/app/synth-failure';
import { limitTreeMetadata } from '../lib/app/tree-metadata';
import { loadLockedMesh } from '../lib/lock/load-locked-mesh';

function main(): void {
  // It loads the validator while the mesh loads; useParallelTemplateValidation takes it over.
  startValidationWorkerEarly();
  const app = new App();
  try {
    // With a contract lock beside mesh.yaml, a breaking contract change without a major version stops synth here.
    const { mesh } = loadLockedMesh(meshConfigPath(app));
    new MeshApp(app, 'Mesh', { mesh });
    addCompliancePacks(app);
    // No tree.json for a large mesh (-c lakemesh:treeMetadata=true|false decides): it repeats every template.
    limitTreeMetadata(app);
    // aws-cdk-lib's template validation, on every core: most of a large mesh's synth time.
    useParallelTemplateValidation(app);
    app.synth();
  } catch (error) {
    const exitCode = reportSynthFailure(error, (text) => process.stderr.write(text));
    if (exitCode === undefined) throw error;
    process.exit(exitCode);
  }
}

main();
