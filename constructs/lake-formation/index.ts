export * from './data-lake-settings';
