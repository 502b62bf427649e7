/**
 * lakemesh's public API: the constructs domain teams compose in their own stacks, the mesh app
 * that builds every stack from mesh.yaml, the contract and mesh loaders, and the nag pack.
 */
export { DataDomain } from './constructs/domain/data-domain';
export type { DataDomainProps } from './constructs/domain/data-domain';
export { DataProduct } from './constructs/data-product/data-product';
export type { DataProductOptions, DataProductProps } from './constructs/data-product/data-product';
export type { IDataProduct } from './constructs/data-product/data-product-ref';
export { ContractGrant } from './constructs/grants/contract-grant';
export type { ContractGrantProps, GrantConsumer } from './constructs/grants/contract-grant';
export { LakeFormationPermissions } from './constructs/grants/lake-formation-permissions';
export { MeshGovernance } from './constructs/governance/mesh-governance';
export type { MeshGovernanceProps, GovernedDomain, GovernanceGrantOptions } from './constructs/governance/mesh-governance';
export { MeshConsumer } from './constructs/consumer/mesh-consumer';
export type { MeshConsumerProps } from './constructs/consumer/mesh-consumer';
export type { ConsumedProduct, ConsumedGrant } from './constructs/consumer/consumed-product';
export { RamInvitationAcceptance } from './constructs/consumer/ram-invitation-acceptance';
export { DataLakeSettings } from './constructs/lake-formation/data-lake-settings';
export type { DataLakeSettingsProps, CrossAccountVersion } from './constructs/lake-formation/data-lake-settings';
export { MeshApp } from './lib/app/mesh-app';
export type { MeshAppProps } from './lib/app/mesh-app';
export { addCompliancePacks } from './lib/app/compliance';
export { limitTreeMetadata, TREE_METADATA_CONTEXT_KEY, TREE_METADATA_MAX_RESOURCES } from './lib/app/tree-metadata';
export { ParallelTemplateValidation, startValidationWorkerEarly, useParallelTemplateValidation } from './lib/app/parallel-template-validation';
export type { ParallelTemplateValidationProps } from './lib/app/parallel-template-validation';
export { DomainStack } from './lib/stacks/domain-stack';
export { GovernanceStack } from './lib/stacks/governance-stack';
export { ConsumerStack } from './lib/stacks/consumer-stack';
export { loadContract, parseContract } from './lib/contract/load-contract';
export type * from './lib/contract/model';
export { loadMesh } from './lib/config/load-mesh';
export type { LoadMeshOptions } from './lib/config/load-mesh';
export type * from './lib/config/model';
export { DataMeshChecks } from './lib/nag';
export { diffContracts } from './lib/evolution';
export { LakemeshError, formatProblem } from './lib/errors';
export type { Problem } from './lib/errors';
