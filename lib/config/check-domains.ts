/**
 * Checks `domains` in mesh.yaml and loads every contract they list. Problems inside a contract are
 * reported by the contract parser (located in the contract file); the checks here are the ones
 * that need both files: domain ownership, product uniqueness, status, classification ontology and
 * the physical names derived from mesh + domain + product.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseContract } from '../contract/load-contract';
import { assertProvisionable } from '../contract/provisionable';
import { DataContract } from '../contract/model';
import { LakemeshError } from '../errors';
import { didYouMean } from '../source/did-you-mean';
import { formatPath, readYamlSource } from '../source/yaml-source';
import { CheckContext } from './check-context';
import { CLASSIFICATION_TAG_KEY } from './check-governance';
import { MESH_CODES } from './codes';
import { ContractLocator } from './contract-locator';
import { DomainInput, Indexed, UncheckedNames } from './mesh-schema';
import { domainBucketName, isName, MAX_BUCKET_NAME_LENGTH, MAX_DATABASE_NAME_LENGTH, productDatabaseName, qualifiedProductName } from './naming';
import { checkName, compare, NameRegistry } from './names';
import { DomainConfig, GovernanceConfig, ProductConfig } from './model';

/**
 * Contracts are YAML or JSON files. Anything else is refused unread: a path in a pull request
 * could otherwise make `lakemesh validate` quote the start of another file (`.env`, `/etc/passwd`)
 * in its error message, in a CI log.
 */
const CONTRACT_FILE_EXTENSION = /\.(ya?ml|json)$/i;

/** Bucket name prefixes S3 reserves. */
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];

export interface MeshIdentity {
  readonly name?: string;
  readonly region?: string;
}

/**
 * Returns the checked domains, sorted by name. Domains left out (invalid account) or with a
 * contract that failed to load are added to `unchecked`: grants on their products are not reported
 * as unknown.
 */
export function checkDomains(
  entries: readonly Indexed<DomainInput>[],
  mesh: MeshIdentity,
  governance: GovernanceConfig | undefined,
  unchecked: UncheckedNames,
  ctx: CheckContext,
): DomainConfig[] {
  const names = new NameRegistry('domain', ctx);
  const contracts = new ContractRegistry(ctx);
  const databases = new Map<string, string>();
  const domains: DomainConfig[] = [];

  for (const { index, value } of entries) {
    const at = ['domains', index];
    const nameOk = checkName(value.name, [...at, 'name'], 'domain', ctx) && names.claim(value.name, [...at, 'name']);
    const account = ctx.account(value.account, [...at, 'account']);
    ctx.text(value.owner, [...at, 'owner'], 'owner');
    const producers = ctx.principals(value.producers ?? [], [...at, 'producers'], {
      account,
      description: `domain "${value.name}"`,
      region: mesh.region,
    });
    if (nameOk && account !== undefined) checkBucketName(mesh, { name: value.name, account }, [...at, 'name'], ctx);

    const products: ProductConfig[] = [];
    const slugs = new Map<string, number>();
    (value.products ?? []).forEach((entry, productIndex) => {
      const entryPath = [...at, 'products', productIndex];
      const contract = contracts.load(entry, entryPath);
      if (contract === undefined) {
        unchecked.add(value.name);
        return;
      }
      checkContractDomain(contract, value.name, contracts.locator, ctx);
      checkStatus(contract, contracts.locator, ctx);
      if (governance) checkClassifications(contract, governance, contracts.locator, ctx);

      const previous = slugs.get(contract.productSlug);
      if (previous !== undefined) {
        ctx.report(
          MESH_CODES.duplicateProduct,
          entryPath,
          `product "${contract.productSlug}" is already defined by ${value.products?.[previous]} (products[${previous}]); give this contract another dataProduct or list it only once`,
        );
        return;
      }
      slugs.set(contract.productSlug, productIndex);
      const databaseName = productDatabaseName(value.name, contract.productSlug);
      checkDatabaseName(databaseName, entryPath, databases, ctx);
      products.push({
        name: contract.productSlug,
        domain: value.name,
        qualifiedName: qualifiedProductName(value.name, contract.productSlug),
        databaseName,
        contractFile: path.resolve(contract.file),
        contract,
        location: ctx.source.locate(entryPath),
      });
    });

    if (account === undefined) {
      unchecked.add(value.name);
      continue;
    }
    domains.push({
      name: value.name,
      account,
      owner: value.owner.trim(),
      producers,
      products: products.sort((a, b) => compare(a.name, b.name)),
      location: ctx.source.locate(at),
    });
  }
  return domains.sort((a, b) => compare(a.name, b.name));
}

/** Loads contracts relative to mesh.yaml, merging their problems, and checks ids across the mesh. */
class ContractRegistry {
  readonly locator = new ContractLocator();
  private readonly ids = new Map<string, string>();
  /** By absolute path: a file listed twice is read (and its problems reported) once. */
  private readonly loaded = new Map<string, DataContract | undefined>();

  constructor(private readonly ctx: CheckContext) {}

  load(entry: string, entryPath: readonly (string | number)[]): DataContract | undefined {
    const file = path.join(path.dirname(this.ctx.source.file), entry);
    const key = path.resolve(file);
    if (!this.loaded.has(key)) this.loaded.set(key, this.read(entry, file, entryPath));
    return this.loaded.get(key);
  }

  private read(entry: string, file: string, entryPath: readonly (string | number)[]): DataContract | undefined {
    if (entry.trim() === '' || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      this.ctx.report(
        MESH_CODES.contractNotFound,
        entryPath,
        `contract file ${JSON.stringify(entry)} not found (looked for ${file}); paths are relative to mesh.yaml`,
      );
      return undefined;
    }
    if (!CONTRACT_FILE_EXTENSION.test(file)) {
      this.ctx.report(
        MESH_CODES.notAContractFile,
        entryPath,
        `contract file ${JSON.stringify(entry)} is not a .yaml, .yml or .json file; list the ODCS contract file (lakemesh reads no other files)`,
      );
      return undefined;
    }
    let contract: DataContract;
    try {
      const source = readYamlSource(file);
      contract = parseContract(source);
      this.locator.register(contract.file, source);
      assertProvisionable(contract);
    } catch (error) {
      if (!(error instanceof LakemeshError)) throw error;
      this.ctx.problems.addAll(error.problems);
      return undefined;
    }
    const first = this.ids.get(contract.id);
    if (first !== undefined) {
      this.ctx.problems.add(
        this.locator.problem(
          contract,
          MESH_CODES.duplicateContractId,
          ['id'],
          `contract id ${JSON.stringify(contract.id)} is already used by ${first}; every contract needs its own id (a UUID)`,
        ),
      );
    } else {
      this.ids.set(contract.id, contract.file);
    }
    return contract;
  }
}

function checkContractDomain(contract: DataContract, domain: string, locator: ContractLocator, ctx: CheckContext): void {
  if (contract.domain === undefined) {
    ctx.problems.add(
      locator.problem(contract, MESH_CODES.contractDomainMismatch, ['domain'], `contract has no domain; add "domain: ${domain}", the mesh domain that lists it`),
    );
  } else if (contract.domain.trim().toLowerCase() !== domain.toLowerCase()) {
    ctx.problems.add(
      locator.problem(
        contract,
        MESH_CODES.contractDomainMismatch,
        ['domain'],
        `contract domain ${JSON.stringify(contract.domain)} does not match domain "${domain}" that lists it in mesh.yaml; set "domain: ${domain}" or list the contract under its own domain`,
      ),
    );
  }
}

function checkStatus(contract: DataContract, locator: ContractLocator, ctx: CheckContext): void {
  if (contract.status !== 'retired') return;
  ctx.problems.add(
    locator.problem(
      contract,
      MESH_CODES.retiredContract,
      ['status'],
      'contract status is "retired"; remove the product from mesh.yaml (its data stays in place) or set the status back to "deprecated"',
    ),
  );
}

function checkClassifications(contract: DataContract, governance: GovernanceConfig, locator: ContractLocator, ctx: CheckContext): void {
  const allowed = governance.tags[CLASSIFICATION_TAG_KEY] ?? [];
  if (allowed.length === 0) return; // the ontology itself is broken and reported
  for (const table of contract.tables) {
    for (const column of [...table.columns, ...table.partitionKeys]) {
      if (column.classification === undefined || allowed.includes(column.classification)) continue;
      ctx.problems.add(
        locator.columnProblem(
          contract,
          table,
          column,
          'classification',
          MESH_CODES.unknownClassification,
          `classification ${JSON.stringify(column.classification)} of column ${table.name}.${column.name} is not in the mesh's ontology (${allowed.join(', ')}); use one of those or add it to governance.tags.classification${didYouMean(column.classification, allowed)}`,
        ),
      );
    }
  }
}

function checkBucketName(mesh: MeshIdentity, domain: { name: string; account: string }, at: readonly (string | number)[], ctx: CheckContext): void {
  if (mesh.name === undefined || !isName(mesh.name) || mesh.region === undefined) return;
  const bucket = domainBucketName({ name: mesh.name, region: mesh.region }, domain);
  if (bucket.length > MAX_BUCKET_NAME_LENGTH) {
    const excess = bucket.length - MAX_BUCKET_NAME_LENGTH;
    ctx.report(
      MESH_CODES.invalidBucketName,
      at,
      `the domain bucket name "${bucket}" is ${bucket.length} characters, more than the ${MAX_BUCKET_NAME_LENGTH} S3 allows; shorten the mesh name "${mesh.name}" or the domain name "${domain.name}" by ${excess} characters together`,
    );
  }
  const reserved = RESERVED_BUCKET_PREFIXES.find((prefix) => bucket.startsWith(prefix));
  if (reserved !== undefined) {
    ctx.report(MESH_CODES.invalidBucketName, at, `the domain bucket name "${bucket}" starts with "${reserved}", which S3 reserves; rename the mesh`);
  }
}

function checkDatabaseName(name: string, at: readonly (string | number)[], seen: Map<string, string>, ctx: CheckContext): void {
  if (name.length > MAX_DATABASE_NAME_LENGTH) {
    ctx.report(
      MESH_CODES.databaseNameTooLong,
      at,
      `the Glue database name "${name.slice(0, 40)}…" is ${name.length} characters, more than the ${MAX_DATABASE_NAME_LENGTH} Glue allows; shorten the contract's dataProduct or the domain name`,
    );
  }
  const where = formatPath(at);
  const first = seen.get(name);
  if (first !== undefined) {
    ctx.report(
      MESH_CODES.databaseNameCollision,
      at,
      `this product's Glue database name "${name}" is also the name of the product at ${first}; rename the domain or the dataProduct of one of them`,
    );
  } else {
    seen.set(name, where);
  }
}
