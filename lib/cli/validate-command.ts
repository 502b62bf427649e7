/** `lakemesh validate [--config mesh.yaml]`: check the mesh and every contract; exit 0 or 1. */
import { App } from 'aws-cdk-lib';
import { Command } from 'commander';
import { MeshApp } from '../app/mesh-app';
import { isoDate } from '../plan/grant-gates';
import { MeshConfig } from '../config/model';
import { loadLockedMesh } from '../lock/load-locked-mesh';
import { CliIo, EXIT_CODES } from './io';
import { DEFAULT_MESH_FILE, displayPath } from './package-root';
import { plural } from './report-problems';
import { CommandContext } from './command-context';

export interface ValidateOptions {
  /** @default - the embedded example mesh, examples/retail/mesh.yaml */
  readonly config?: string;
}

export function registerValidateCommand(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .summary('check mesh.yaml and every contract it lists')
    .description(
      'Check mesh.yaml and every data contract it lists: structure, references between them, AWS naming limits, ' +
        'what the stacks would grant (row filter limits, contract roles), ' +
        'contract status and grant expiry, and, when a contract lock (mesh.lock.json) sits beside the mesh, that no ' +
        'contract changed in a breaking way without a new major version since it was locked. Prints a one-line summary and exits 0 when the mesh is valid; ' +
        'prints every problem as file:line:column: path: message [CODE] and exits 1 when it is not.',
    )
    .option('-c, --config <file>', 'the mesh file to check (default: the embedded example, examples/retail/mesh.yaml)')
    .action((options: ValidateOptions) => {
      context.setExitCode(validate(options, context.io));
    });
}

/** Loads the mesh (throws `LakemeshError` when invalid) and prints the summary. */
export function validate(options: ValidateOptions, io: CliIo): number {
  const file = options.config ?? displayPath(DEFAULT_MESH_FILE);
  // The contract lock beside the mesh, when there is one, gates breaking contract changes here as in synth.
  const now = io.now?.() ?? new Date();
  const { mesh } = loadLockedMesh(file, { today: now });
  // Build every stack in memory (nothing is synthesized or written): the checks that only the
  // constructs make, e.g. row filter limits, then fail here exactly as they would in `cdk synth`.
  new MeshApp(new App(), 'Mesh', { mesh, today: isoDate(now) });
  io.stdout(`${summary(mesh)}\n`);
  return EXIT_CODES.ok;
}

/** `mesh retail: 3 domains, 5 products, 2 consumers, 7 grants — valid` */
export function summary(mesh: MeshConfig): string {
  const products = mesh.domains.reduce((count, domain) => count + domain.products.length, 0);
  const counts = [
    plural(mesh.domains.length, 'domain'),
    plural(products, 'product'),
    plural(mesh.consumers.length, 'consumer'),
    plural(mesh.grants.length, 'grant'),
  ];
  return `mesh ${mesh.name}: ${counts.join(', ')} — valid`;
}
