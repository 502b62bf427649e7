export * from './data-mesh-checks';
export * from './mesh-rule';
export * from './mesh-resource';
export * from './table-parameters';
export * from './rules';
