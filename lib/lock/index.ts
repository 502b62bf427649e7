export * from './codes';
export * from './model';
export * from './lock-file';
export * from './build-lock';
export * from './lock-gate';
export * from './compare-locks';
export * from './load-locked-mesh';
