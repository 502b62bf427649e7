export * from './codes';
export * from './consumed-product';
export * from './mesh-consumer';
export * from './ram-invitation-acceptance';
