export { compileRuleset, compileQualityRule } from './compile-ruleset';
export { QualitySkipCode } from './types';
export type { CompiledRuleset, SkippedRule } from './types';
export { MAX_RULESET_LENGTH, dqdlColumn, dqdlNumber, dqdlRegex, dqdlSql, dqdlString, renderRuleset } from './dqdl';
