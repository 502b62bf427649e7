export * from './contract-grant';
export * from './lake-formation-permissions';
