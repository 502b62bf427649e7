export * from './model';
export * from './codes';
export * from './load-mesh';
export * from './naming';
export {
  CLASSIFICATION_TAG_KEY,
  DEFAULT_CLASSIFICATIONS,
  DEFAULT_CROSS_ACCOUNT_VERSION,
  DEFAULT_ORGANIZATION,
  DEFAULT_SHARING,
  RESERVED_TAG_KEYS,
  SHARING_MODELS,
} from './check-governance';
