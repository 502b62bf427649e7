/**
 * `diffContracts(old, next)`: every difference between two versions of one data contract, each
 * classified as breaking, warning or info (see `./model.ts`), plus the semantic-version verdict: a
 * breaking change needs a major version bump. Pure: no I/O, the same inputs always give the same
 * output in the same order, so `lakemesh diff` and the contract lock share it.
 */
import { DEFAULT_CLASSIFICATIONS } from '../config/check-governance';
import { DataContract, UNSHARED_STATUSES } from '../contract/model';
import { ProblemCollector } from '../errors';
import { ChangeSet } from './change-set';
import { plain, show } from './describe';
import { diffRoles } from './diff-roles';
import { diffSla } from './diff-sla';
import { diffTables } from './diff-tables';
import { ContractDiff } from './model';
import { allowsBreakingChanges, compareSemanticVersions, contractVersion, SemanticVersion } from './semver';

export interface DiffOptions {
  /**
   * The classification ontology, from the least to the most sensitive value.
   * @default - `DEFAULT_CLASSIFICATIONS`: public, internal, confidential, restricted
   */
  readonly classifications?: readonly string[];
}

/** Storage format of a contract without `servers[].format` (the same default the Glue tables use). */
export const DEFAULT_STORAGE_FORMAT = 'parquet';
/** Formats whose files are read by column position. */
const POSITIONAL_FORMATS: readonly string[] = ['csv'];

/** Throws `LakemeshError` (LM500) when either version is not a semantic version; both are reported at once. */
export function diffContracts(old: DataContract, next: DataContract, options: DiffOptions = {}): ContractDiff {
  const [oldVersion, newVersion] = parseVersions(old, next);
  const changes = new ChangeSet();
  diffIdentity(changes, old, next);
  diffStatus(changes, old.status, next.status);
  diffDocumentation(changes, old, next);

  const oldFormat = storageFormat(old);
  const newFormat = storageFormat(next);
  if (oldFormat !== newFormat) {
    changes.breaking('storage-format-changed', 'servers', `storage format changed from ${oldFormat} to ${newFormat}: files already stored cannot be read in the new format`);
  }
  diffTables(changes, old.tables, next.tables, {
    classifications: options.classifications ?? DEFAULT_CLASSIFICATIONS,
    positionalColumns: POSITIONAL_FORMATS.includes(oldFormat) && oldFormat === newFormat,
  });
  diffOtherObjects(changes, old, next);
  diffRoles(changes, old.roles, next.roles, { old: old.tables, next: next.tables });
  diffSla(changes, old.sla, next.sla);
  diffVersion(changes, old.version, next.version, compareSemanticVersions(newVersion, oldVersion));

  const sorted = changes.sorted();
  const breaking = sorted.some((change) => change.severity === 'breaking');
  const majorBumped = allowsBreakingChanges(oldVersion, newVersion);
  return { changes: sorted, oldVersion: old.version, newVersion: next.version, majorBumped, breaking, blocked: breaking && !majorBumped };
}

/** `format` of the first server that declares one, lower-cased; Parquet without any. */
export function storageFormat(contract: DataContract): string {
  const format = contract.servers.find((server) => server.format !== undefined && server.format.trim() !== '')?.format;
  return format === undefined ? DEFAULT_STORAGE_FORMAT : format.trim().toLowerCase();
}

function parseVersions(old: DataContract, next: DataContract): [SemanticVersion, SemanticVersion] {
  const problems = new ProblemCollector();
  const versions = [old, next].map((contract) => {
    const parsed = contractVersion(contract);
    if ('problem' in parsed) problems.add(parsed.problem);
    return 'version' in parsed ? parsed.version : undefined;
  });
  problems.throwIfAny();
  return [versions[0]!, versions[1]!];
}

/** What names the product: its id, domain and product slug. Changing any of them makes it another product. */
function diffIdentity(changes: ChangeSet, old: DataContract, next: DataContract): void {
  if (old.id !== next.id) {
    changes.breaking('contract-id-changed', 'id', `id changed from ${show(old.id)} to ${show(next.id)}: that is a different contract, which grants and the contract lock do not follow; keep the id`);
  }
  const oldProduct = `${plain(old.domain)}.${old.productSlug}`;
  const newProduct = `${plain(next.domain)}.${next.productSlug}`;
  if (old.domain !== next.domain) {
    changes.breaking('domain-changed', 'domain', `domain changed from ${plain(old.domain)} to ${plain(next.domain)}: the product becomes ${newProduct}, so its glue database and every grant on ${oldProduct} change`);
  }
  if (old.productSlug !== next.productSlug) {
    changes.breaking('product-renamed', 'dataProduct', `product renamed from ${old.productSlug} to ${next.productSlug}: the product becomes ${newProduct}, so its glue database and every grant on ${oldProduct} change`);
  } else if (old.dataProduct !== next.dataProduct) {
    changes.info('product-name-changed', 'dataProduct', `dataProduct changed from ${show(old.dataProduct)} to ${show(next.dataProduct)} (same product name ${next.productSlug})`);
  }
}

/**
 * `retired` products fail synth and `draft`/`proposed` ones are not shared cross-account, so both
 * cut consumers off (breaking); `deprecated` ones accept no new grants (warning); anything else is info.
 */
function diffStatus(changes: ChangeSet, old: string, next: string): void {
  if (old === next) return;
  const message = `status changed from ${old} to ${next}`;
  if (next === 'retired') changes.breaking('status-retired', 'status', `${message}: retired products fail synth and lose every grant`);
  else if (UNSHARED_STATUSES.includes(next) && !UNSHARED_STATUSES.includes(old)) {
    changes.breaking('status-unshared', 'status', `${message}: ${next} products are not shared with other accounts, so consumers lose access`);
  } else if (next === 'deprecated') changes.warning('status-deprecated', 'status', `${message}: the product accepts no new grants`);
  else changes.info('status-changed', 'status', message);
}

function diffDocumentation(changes: ChangeSet, old: DataContract, next: DataContract): void {
  if (old.apiVersion !== next.apiVersion) {
    changes.info('api-version-changed', 'apiVersion', `apiVersion changed from ${old.apiVersion} to ${next.apiVersion}`);
  }
  if (old.owner !== next.owner) changes.info('owner-changed', 'team', `owner changed from ${show(old.owner)} to ${show(next.owner)}`);
  for (const field of ['purpose', 'usage', 'limitations'] as const) {
    const before = old.description?.[field];
    const after = next.description?.[field];
    if (before !== after) changes.info('description-changed', `description.${field}`, `${field} changed from ${show(before)} to ${show(after)}`);
  }
}

/** Schema objects that are not tables (topics, files): lakemesh cannot provision them, but consumers may use them. */
function diffOtherObjects(changes: ChangeSet, old: DataContract, next: DataContract): void {
  const oldNames = old.otherObjects.map((object) => object.name);
  const newNames = next.otherObjects.map((object) => object.name);
  for (const object of old.otherObjects) {
    if (!newNames.includes(object.name)) changes.breaking('object-removed', object.name, `schema object removed (it was ${plain(object.physicalType)})`);
  }
  for (const object of next.otherObjects) {
    if (!oldNames.includes(object.name)) changes.info('object-added', object.name, `schema object added (${plain(object.physicalType)})`);
  }
}

/** Runs after every other rule: a contract that changed must carry a higher version. */
function diffVersion(changes: ChangeSet, old: string, next: string, order: number): void {
  if (order < 0) {
    changes.warning('version-decreased', 'version', `version decreased from ${old} to ${next}; contract versions only go up`);
  } else if (order === 0 && changes.size > 0) {
    changes.warning('version-unchanged', 'version', `version stayed ${next} although the contract changed; raise the patch version for documentation, the minor for additions, the major for breaking changes`);
  }
}
