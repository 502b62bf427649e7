export * from './data-domain';
export * from './codes';
export * from './central-catalog-access';
export * from './domain-tags';
export * from './location-registration';
export * from './registration-role-name';
