/**
 * A consumer's access to a data product through one role of its contract: exactly the columns and
 * rows the role allows, granted to each consumer principal with an audit record on every resource.
 */
import { Token } from 'aws-cdk-lib';
import { CfnDataCellsFilter, CfnPrincipalPermissions } from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { GrantConsumer, planContractGrant } from '../../lib/plan/grant-plan';
import { isoDate } from '../../lib/plan/grant-gates';
import { DEFAULT_RESTRICTED_CLASSIFICATION, TableAccess } from '../../lib/plan/table-access';
import { IDataProduct } from '../data-product/data-product-ref';
import { LakeFormationPermissions } from './lake-formation-permissions';

export type { GrantConsumer } from '../../lib/plan/grant-plan';

export interface ContractGrantProps {
  /** The product granted on; its catalog objects deploy before the grant. */
  readonly product: IDataProduct;
  /** Who receives the grant: a consumer name and its IAM principal ARNs. */
  readonly consumer: GrantConsumer;
  /** A `roles[].role` of the product's contract, with access `read`. */
  readonly role: string;
  /** Why the consumer needs the data (audit trail). */
  readonly purpose: string;
  /** Who asked for the grant (audit trail). */
  readonly requestedBy: string;
  /** Who approved it for the product's owner (audit trail). */
  readonly approvedBy: string;
  /**
   * Last day the grant holds, ISO `YYYY-MM-DD`; synth fails once it has passed.
   * @default - the grant does not expire
   */
  readonly expires?: string;
  /**
   * Classification whose columns are withheld unless the role lists them in `lakemesh.includeColumns`.
   * @default 'restricted'
   */
  readonly restrictedClassification?: string;
  /**
   * The date expiry is judged against, ISO `YYYY-MM-DD`.
   * @default - today's date in UTC
   */
  readonly today?: string;
  /**
   * Keep the grant although the contract is deprecated: set it only for a grant that existed
   * before the deprecation (the app sets it for grants the contract lock records).
   * @default false - a grant on a deprecated contract fails synth (LM392)
   */
  readonly allowDeprecated?: boolean;
}

/**
 * Grants a consumer a contract role on a data product, through the stack's
 * `LakeFormationPermissions` (which merges it with other grants of the same pairs):
 * DESCRIBE on the database; per table SELECT on the granted columns, or on a data cells filter
 * when the role has a row filter, and DESCRIBE on the table.
 *
 * Fails synth (LM380–LM396) when the contract is retired, draft, proposed or deprecated (unless
 * `allowDeprecated`), when the grant has expired, when the role is unknown or not a read role, or
 * when a row filter breaks Lake Formation's limits.
 */
export class ContractGrant extends Construct {
  /** What the role grants, table by table. */
  public readonly tables: readonly TableAccess[];
  /** The permission resources this grant contributes to (shared with grants of the same pairs). */
  public readonly permissions: readonly CfnPrincipalPermissions[];
  /** The row filters of the grant, one per filtered table. */
  public readonly filters: readonly CfnDataCellsFilter[];

  constructor(scope: Construct, id: string, props: ContractGrantProps) {
    super(scope, id);
    const { product } = props;
    const plan = planContractGrant({
      product,
      consumer: props.consumer,
      role: props.role,
      purpose: props.purpose,
      requestedBy: props.requestedBy,
      approvedBy: props.approvedBy,
      expires: props.expires,
      restrictedClassification: props.restrictedClassification ?? DEFAULT_RESTRICTED_CLASSIFICATION,
      today: props.today ?? isoDate(),
      allowDeprecated: props.allowDeprecated ?? false,
      isUnresolved: (value) => Token.isUnresolved(value),
    });
    const registry = LakeFormationPermissions.of(this);
    const filtersByTable = new Map(
      plan.filters.map((filter) => [filter.tableName, registry.addDataCellsFilter({ ...filter, dependsOn: [product] })]),
    );
    this.tables = plan.tables;
    this.filters = [...filtersByTable.values()];
    const permissions = plan.permissions.map((permission) => {
      const filter = permission.filter && filtersByTable.get(permission.filter.tableName);
      return registry.add({
        principal: permission.principal,
        resource: permission.resource,
        permissions: permission.permissions,
        metadata: permission.metadata,
        dependsOn: filter ? [product, filter] : [product],
      });
    });
    this.permissions = [...new Set(permissions)];
  }
}
