import {
  isLakeFormationWrite,
  longestChainAcrossStacks,
  longestLakeFormationChain,
  longestWeightedPath,
  resourceDependencies,
  TemplateResource,
} from '../../bench/lf-chain';
import { DATA_LAKE_SETTINGS_RESOURCE_TYPE } from '../../constructs/lake-formation/data-lake-settings';

const GRANT = 'AWS::LakeFormation::PrincipalPermissions';
const TABLE = 'AWS::Glue::Table';

describe('isLakeFormationWrite', () => {
  test('counts Lake Formation resources and the data lake settings custom resource', () => {
    expect(isLakeFormationWrite(GRANT)).toBe(true);
    expect(isLakeFormationWrite('AWS::LakeFormation::DataCellsFilter')).toBe(true);
    expect(isLakeFormationWrite(DATA_LAKE_SETTINGS_RESOURCE_TYPE)).toBe(true);
    expect(isLakeFormationWrite(TABLE)).toBe(false);
  });
});

describe('resourceDependencies', () => {
  test('follows DependsOn, Ref, Fn::GetAtt and Fn::Sub, ignoring parameters and pseudo parameters', () => {
    const resources: Record<string, TemplateResource> = {
      A: { Type: TABLE },
      B: { Type: TABLE },
      C: { Type: TABLE },
      D: { Type: TABLE },
      E: {
        Type: GRANT,
        DependsOn: 'A',
        Properties: {
          Catalog: { Ref: 'B' },
          Arn: { 'Fn::GetAtt': ['C', 'Arn'] },
          Name: { 'Fn::Sub': '${D.Name}-${AWS::Region}-${Param}-${!Literal}' },
          Account: { Ref: 'AWS::AccountId' },
        },
      },
    };
    expect([...resourceDependencies(resources).get('E')!].sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('longestLakeFormationChain', () => {
  test('counts only Lake Formation writes along a path, through other resources', () => {
    const resources: Record<string, TemplateResource> = {
      Settings: { Type: DATA_LAKE_SETTINGS_RESOURCE_TYPE },
      Table: { Type: TABLE, DependsOn: ['Settings'] },
      Grant1: { Type: GRANT, Properties: { Table: { Ref: 'Table' } } },
      Grant2: { Type: GRANT, DependsOn: 'Grant1' },
      Other: { Type: GRANT, DependsOn: 'Settings' },
    };
    expect(longestLakeFormationChain(resources)).toBe(3);
  });

  test('is 0 without Lake Formation writes', () => {
    expect(longestLakeFormationChain({ A: { Type: TABLE }, B: { Type: TABLE, DependsOn: 'A' } })).toBe(0);
  });

  test('handles a chain far longer than the call stack would allow recursively', () => {
    const resources: Record<string, TemplateResource> = {};
    for (let i = 0; i < 20_000; i++) resources[`G${i}`] = { Type: GRANT, ...(i > 0 ? { DependsOn: `G${i - 1}` } : {}) };
    expect(longestLakeFormationChain(resources)).toBe(20_000);
  });
});

describe('longestWeightedPath', () => {
  test('fails on a cycle, naming the resources in it', () => {
    const dependencies = new Map([
      ['A', new Set(['B'])],
      ['B', new Set(['A'])],
      ['C', new Set<string>()],
    ]);
    expect(() => longestWeightedPath(dependencies, new Map())).toThrow('dependency cycle among A, B; a deployable template has none');
  });
});

describe('longestChainAcrossStacks', () => {
  test('adds up the chains of stacks that deploy one after another', () => {
    const chain = longestChainAcrossStacks([
      { id: 'domain-a', chain: 3, dependencies: [] },
      { id: 'domain-b', chain: 5, dependencies: [] },
      { id: 'governance', chain: 10, dependencies: ['domain-a', 'domain-b'] },
      { id: 'consumer', chain: 2, dependencies: ['governance'] },
      { id: 'lonely', chain: 16, dependencies: [] },
    ]);
    expect(chain).toBe(17);
  });

  test('ignores dependencies on artifacts that are not stacks', () => {
    expect(longestChainAcrossStacks([{ id: 'a', chain: 4, dependencies: ['a.assets'] }])).toBe(4);
  });
});
