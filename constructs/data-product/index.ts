export * from './data-product';
export * from './data-product-ref';
export * from './codes';
export * from './glue-table-input';
export * from './lake-formation-principal';
export * from './storage-format';
export * from './catalog-access';
export * from './check-product';
