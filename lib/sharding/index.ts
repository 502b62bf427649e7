export * from './codes';
export * from './limits';
export * from './model';
export * from './mesh-units';
export * from './plan';
export * from './state';
export * from './state-file';
export * from './record-shards';
