/**
 * The lock a mesh calls for now: every product's contract (id, version, fingerprint, file and the
 * document itself) and every grant. The documents are read again from the contract files (the
 * mesh model keeps only the typed contract), and must still carry the fingerprint the mesh was
 * loaded with.
 */
import * as path from 'node:path';
import { fingerprint } from '../contract/fingerprint';
import { MeshConfig } from '../config/model';
import { LakemeshError, ProblemCollector } from '../errors';
import { contractVersion } from '../evolution/semver';
import { readYamlSource, YamlSource } from '../source/yaml-source';
import { LOCK_CODES } from './codes';
import { compareGrants, ContractLock, LOCK_VERSION, LockedProduct } from './model';

/**
 * Throws `LakemeshError` when a contract version is not a semantic version (LM500: the lock exists
 * to compare major versions) or when a contract file changed since the mesh was loaded (LM530).
 */
export function buildContractLock(mesh: MeshConfig): ContractLock {
  const problems = new ProblemCollector();
  const products: Record<string, LockedProduct> = {};
  const meshDirectory = path.dirname(mesh.file);
  for (const domain of mesh.domains) {
    for (const product of domain.products) {
      const { contract } = product;
      let source: YamlSource;
      try {
        source = readYamlSource(contract.file);
      } catch (error) {
        if (!(error instanceof LakemeshError)) throw error;
        problems.addAll(error.problems);
        continue;
      }
      if (fingerprint(source.data) !== contract.fingerprint) {
        problems.add(
          source.problem(LOCK_CODES.changedWhileLocking, [], `${product.qualifiedName}: the contract file changed while the lock was being written; run \`lakemesh lock\` again`),
        );
        continue;
      }
      const version = contractVersion(contract);
      if ('problem' in version) {
        problems.add({ ...version.problem, location: source.locate(['version']) });
        continue;
      }
      products[product.qualifiedName] = {
        contractId: contract.id,
        version: contract.version,
        fingerprint: contract.fingerprint,
        file: path.relative(meshDirectory, product.contractFile).split(path.sep).join('/'),
        contract: source.data as Readonly<Record<string, unknown>>,
      };
    }
  }
  problems.throwIfAny();
  const grants = mesh.grants.map(({ product, consumer, role }) => ({ product, consumer, role })).sort(compareGrants);
  return { lockVersion: LOCK_VERSION, mesh: mesh.name, products, grants };
}
