import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { PRODUCT_METADATA_KEY } from '../../grants/grant-metadata';
import { field, isCfnObject, isIntrinsic, isPresent } from '../cfn-values';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';
import {
  REQUIRED_TABLE_PARAMETERS,
  TABLE_CONTRACT_ID_PARAMETER,
  TABLE_CONTRACT_VERSION_PARAMETER,
  TABLE_OWNER_PARAMETER,
} from '../table-parameters';

const REQUIRED_PRODUCT_FIELDS = ['product', 'contractId', 'contractVersion', 'owner'] as const;

/** Table parameters and the product Metadata that must say the same thing. */
const PARAMETER_FOR_FIELD: ReadonlyArray<readonly [string, string]> = [
  [TABLE_CONTRACT_ID_PARAMETER, 'contractId'],
  [TABLE_CONTRACT_VERSION_PARAMETER, 'contractVersion'],
  [TABLE_OWNER_PARAMETER, 'owner'],
];

/** Every product table names its contract and owner, in the Data Catalog and in the template. */
export const SharedTablesHaveOwnerAndContract: DataMeshRule = {
  name: 'SharedTablesHaveOwnerAndContract',
  info: `The Glue table does not name its contract and owner: TableInput.Parameters lacks a non-empty ${REQUIRED_TABLE_PARAMETERS.join(', ')}, its '${PRODUCT_METADATA_KEY}' Metadata lacks a non-empty product, contractId, contractVersion or owner, or the two disagree.`,
  explanation:
    'A table shared through the mesh must tell every reader, in the Data Catalog and in the audited template, which data contract describes it and who answers for it. Create product tables with the DataProduct construct, which writes both.',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::Glue::Table'],
  check(resource: MeshResource): NagRuleCompliance {
    const input = field(resource.properties, 'TableInput');
    if (isIntrinsic(input) || field(input, 'TargetTable') !== undefined) return NagRuleCompliance.NOT_APPLICABLE;
    const parameters = field(input, 'Parameters');
    const product = resource.metadata[PRODUCT_METADATA_KEY];
    const parametersOk =
      isIntrinsic(parameters) || REQUIRED_TABLE_PARAMETERS.every((key) => isPresent(field(parameters, key)));
    const productOk = isCfnObject(product) && REQUIRED_PRODUCT_FIELDS.every((key) => isPresent(product[key]));
    return compliantWhen(parametersOk && productOk && agree(parameters, product));
  },
};

/** Literal parameters equal the literal Metadata fields they repeat. */
function agree(parameters: unknown, product: unknown): boolean {
  return PARAMETER_FOR_FIELD.every(([parameter, metadataField]) => {
    const fromParameters = field(parameters, parameter);
    const fromMetadata = field(product, metadataField);
    return typeof fromParameters !== 'string' || typeof fromMetadata !== 'string' || fromParameters === fromMetadata;
  });
}
