export * from './model';
export * from './codes';
export * from './semver';
export * from './type-widening';
export { diffContracts, DEFAULT_STORAGE_FORMAT, storageFormat } from './diff-contracts';
export type { DiffOptions } from './diff-contracts';
export * from './render-diff';
