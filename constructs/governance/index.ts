export * from './central-product';
export * from './codes';
export * from './lf-tag-ontology';
export * from './mesh-governance';
export * from './producer-registration';
