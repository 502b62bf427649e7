/**
 * Reads mesh.yaml (DESIGN.md §3.2) and every contract it lists, checks all of it and returns the
 * typed, resolved `MeshConfig`. Every problem in mesh.yaml and in the contracts is collected and
 * thrown once as a `LakemeshError`, each located at the file, line and column to edit.
 *
 * Rules beyond the file's shape (codes in `./codes.ts`):
 * - Names of the mesh, domains and consumers are lowercase slugs with single hyphens (they go into
 *   bucket and stack names); Glue database names replace the domain's hyphens with `_`.
 * - A contract's `domain` must name the domain that lists it (compared without case).
 * - Principals: IAM role or user ARNs (admins: roles) of the owning account and the region's
 *   partition; no wildcards, no account roots.
 * - Consumers are other accounts: not the governance account, and never granted a product of
 *   their own account. A consumer may share an account with an unrelated domain.
 * - Grants: `requestedBy` / `approvedBy` are email addresses or IAM/STS principal ARNs, and two
 *   different people; `expires` is a `YYYY-MM-DD` date, valid through that day (UTC); the role's
 *   `access` must be `read`. Grants on draft/proposed products are errors, on deprecated products
 *   unless `existingGrants` (the contract lock) lists them, and retired contracts are errors
 *   whether granted or not.
 */
import * as path from 'node:path';
import { ProblemCollector } from '../errors';
import { readYamlSource } from '../source/yaml-source';
import { regionProblem } from './aws-identifiers';
import { CheckContext } from './check-context';
import { checkConsumers } from './check-consumers';
import { checkDomains } from './check-domains';
import { checkGovernance } from './check-governance';
import { checkGrants, ExistingGrant } from './check-grants';
import { checkTagLimits } from './check-tag-limits';
import { MESH_CODES } from './codes';
import { MeshDocument, parseMeshDocument } from './mesh-schema';
import { MeshConfig } from './model';
import { checkName } from './names';

export const MESH_API_VERSION = 'lakemesh/v1';
export const MESH_KIND = 'Mesh';

export interface LoadMeshOptions {
  /**
   * The day grants are checked against (expired grants are errors); only the UTC date is used.
   * @default - the current date
   */
  readonly today?: Date;
  /**
   * Grants known to exist, from the contract lock (`lib/lock`): on a deprecated product these stay
   * and only others are refused.
   * @default - none known: every grant on a deprecated product is refused
   */
  readonly existingGrants?: readonly ExistingGrant[];
}

/**
 * Loads and validates `file`. Contract paths in it are resolved relative to the directory of
 * `file`; messages name files the way `file` was given.
 * @throws LakemeshError with every problem found, when anything is invalid
 */
export function loadMesh(file: string, options: LoadMeshOptions = {}): MeshConfig {
  const source = readYamlSource(file);
  const problems = new ProblemCollector();
  const ctx = new CheckContext(source, problems);
  const document = parseMeshDocument(source, problems);

  checkHeader(document, ctx);
  const governance = document.governance ? checkGovernance(document.governance, validRegion(document), ctx) : undefined;
  const mesh = { name: document.name, region: validRegion(document) };
  const domains = checkDomains(document.domains, mesh, governance, document.uncheckedDomains, ctx);
  checkTagLimits(domains, ctx);
  const consumers = checkConsumers(document.consumers, mesh, governance, document.uncheckedConsumers, ctx);
  const grants = checkGrants(
    document.grants,
    { domains, consumers, uncheckedDomains: document.uncheckedDomains, uncheckedConsumers: document.uncheckedConsumers },
    isoDate(options.today ?? new Date()),
    ctx,
    options.existingGrants,
  );

  problems.throwIfAny();
  // No problems means every part parsed and checked; the header fields are therefore present.
  return {
    file: path.resolve(file),
    name: document.name as string,
    region: document.region as string,
    governance: governance as NonNullable<typeof governance>,
    domains,
    consumers,
    grants,
  };
}

function checkHeader(document: MeshDocument, ctx: CheckContext): void {
  if (document.apiVersion !== undefined && document.apiVersion !== MESH_API_VERSION) {
    ctx.report(
      MESH_CODES.apiVersion,
      ['apiVersion'],
      `unsupported apiVersion ${JSON.stringify(document.apiVersion)}; this version of lakemesh reads "apiVersion: ${MESH_API_VERSION}"`,
    );
  }
  if (document.kind !== undefined && document.kind !== MESH_KIND) {
    ctx.report(MESH_CODES.kind, ['kind'], `kind must be "${MESH_KIND}" in a mesh file, got ${JSON.stringify(document.kind)}; is this a data contract rather than mesh.yaml?`);
  }
  if (document.name !== undefined) checkName(document.name, ['name'], 'mesh', ctx);
  if (document.region !== undefined) {
    const problem = regionProblem(document.region);
    if (problem !== undefined) ctx.report(MESH_CODES.invalidRegion, ['region'], problem);
  }
}

function validRegion(document: MeshDocument): string | undefined {
  return document.region !== undefined && regionProblem(document.region) === undefined ? document.region : undefined;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
