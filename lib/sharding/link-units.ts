/**
 * Estimated size of a consumer's link unit: the resource link to one product, DESCRIBE on it for
 * each principal (with the audit record of every grant behind it), and the link's share of the
 * consumer's access policies (one managed policy per ~15 links).
 */
import { GrantConfig, ProductConfig } from '../config/model';
import { GRANT_METADATA_KEY, grantMetadataText } from '../grants/grant-metadata';
import { linkGrantMetadata } from '../../constructs/consumer/consumed-product';
import { logicalIdLength, SizeTally } from './estimate';
import { ShardSize } from './model';

/** Links one access policy holds (IAM caps a managed policy at 6,144 characters; ~15 links fit, fewer with long names). */
const LINKS_PER_POLICY = 12;
/** A managed policy without its Glue resources: type, description, actions, metadata. */
const POLICY_SKELETON_BYTES = 2200;
/** Per link: its four Glue ARNs and the target catalog's, each an indented `Fn::Join` without partition literals. */
const POLICY_ARN_BYTES = 5 * 205;
const FIXED_ID_LENGTH = 50;

export interface LinkUnitInput {
  readonly product: ProductConfig;
  /** Account of the catalog that shares the database. */
  readonly catalogId: string;
  readonly consumer: { readonly name: string; readonly account: string; readonly principals: readonly string[] };
  readonly grants: readonly GrantConfig[];
}

export function linkUnitSize(input: LinkUnitInput): ShardSize {
  const { product, consumer } = input;
  const tally = new SizeTally();
  const linkPath = `Consumer/Link-${product.databaseName}`;
  tally.addResource({
    type: 'AWS::Glue::Database',
    path: linkPath,
    properties: { catalogId: consumer.account, databaseInput: { name: product.databaseName, targetDatabase: { catalogId: input.catalogId, databaseName: product.databaseName } } },
    dependsOn: [FIXED_ID_LENGTH],
  });
  const metadata = linkGrantMetadata(consumer.name, {
    product: product.qualifiedName,
    databaseName: product.databaseName,
    catalogId: input.catalogId,
    contractId: product.contract.id,
    contractVersion: product.contract.version,
    grants: input.grants,
  });
  for (const principal of consumer.principals) {
    tally.addResource({
      type: 'AWS::LakeFormation::PrincipalPermissions',
      path: 'LakeFormationPermissions/Grant123456789012',
      properties: {
        catalog: consumer.account,
        principal: { dataLakePrincipalIdentifier: principal },
        resource: { database: { catalogId: consumer.account, name: product.databaseName } },
        permissions: ['DESCRIBE'],
        permissionsWithGrantOption: [],
      },
      metadata: { [GRANT_METADATA_KEY]: grantMetadataText(metadata) },
      dependsOn: [logicalIdLength(linkPath)],
      lakeFormationWrite: true,
    });
  }
  tally.add({ resources: 1 / LINKS_PER_POLICY, bytes: POLICY_SKELETON_BYTES / LINKS_PER_POLICY + POLICY_ARN_BYTES + 2 * product.databaseName.length });
  return tally.size;
}
