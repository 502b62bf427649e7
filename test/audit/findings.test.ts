import { auditStacks, hasErrors } from '../../lib/audit/audit';
import { daysBetween } from '../../lib/audit/findings';
import { AuditFinding } from '../../lib/audit/model';
import {
  ANALYST,
  columnsResource,
  databaseResource,
  dataCellsFilter,
  filterResource,
  glueDatabase,
  glueTable,
  grant,
  grantMetadata,
  PRODUCER,
  stack,
  TODAY,
} from './template-builders';

const catalog = {
  Db: glueDatabase(),
  Orders: glueTable('orders', ['order_id', 'customer_email', 'amount'], { restricted: ['customer_email'] }),
};

function findingsOf(resources: Record<string, unknown>, options: { today?: string; account?: string | null } = {}): readonly AuditFinding[] {
  return auditStacks([stack({ ...catalog, ...resources }, { account: options.account })], { today: options.today ?? TODAY }).findings;
}

const selectWithExpiry = (expires: string) => ({
  Grant: grant({ resource: columnsResource('orders', ['order_id']), metadata: grantMetadata({ expires }) }),
});

const at = (logicalId: string) => ({ stack: 'retail-governance', logicalId });

describe('expiry findings', () => {
  test('a grant that has expired is an error', () => {
    expect(findingsOf(selectWithExpiry('2026-11-18'))).toEqual([
      {
        severity: 'error',
        code: 'LMA01',
        message: `grant of sales.orders table orders to "${ANALYST}" expired on 2026-11-18 (2 days ago) and is still in the templates; remove it from mesh.yaml, or renew it with a new expiry and approval, and synth again`,
        ...at('Grant'),
      },
    ]);
  });

  test('a grant expiring within 30 days is a warning', () => {
    expect(findingsOf(selectWithExpiry('2026-12-20'))).toEqual([
      {
        severity: 'warning',
        code: 'LMA02',
        message: `grant of sales.orders table orders to "${ANALYST}" expires on 2026-12-20 (in 30 days); renew it with a new expiry and approval in mesh.yaml, or let it lapse`,
        ...at('Grant'),
      },
    ]);
  });

  test('a grant expiring today is a warning that says so', () => {
    expect(findingsOf(selectWithExpiry(TODAY))[0].message).toContain('expires on 2026-11-20 (today)');
  });

  test('yesterday is one day ago', () => {
    expect(findingsOf(selectWithExpiry('2026-11-19'))[0].message).toContain('(1 day ago)');
  });

  test('a grant expiring in 31 days, or never, is fine', () => {
    expect(findingsOf(selectWithExpiry('2026-12-21'))).toEqual([]);
    expect(findingsOf({ Grant: grant({ resource: columnsResource('orders', ['order_id']), metadata: grantMetadata() }) })).toEqual([]);
  });

  test('"today" is what the caller says', () => {
    expect(findingsOf(selectWithExpiry('2026-12-20'), { today: '2026-10-01' })).toEqual([]);
  });

  test('a database-only row is named as such', () => {
    const findings = findingsOf({
      Grant: grant({ resource: databaseResource(), permissions: ['DESCRIBE'], metadata: grantMetadata({ table: null, expires: '2026-11-01' }) }),
    });
    expect(findings[0].message).toMatch(/^grant of sales\.orders \(database\) to /);
  });

  test('an expiry that is not a date is ignored', () => {
    expect(findingsOf(selectWithExpiry('soon'))).toEqual([]);
    expect(findingsOf(selectWithExpiry('2026-02-30'))).toEqual([]);
    expect(daysBetween(TODAY, '2026-02-30')).toBeUndefined();
    expect(daysBetween('2026-11-20T10:00', '2026-11-21')).toBeUndefined();
  });
});

describe('restricted column findings', () => {
  test('a restricted column granted without includeColumns is an error', () => {
    const findings = findingsOf({
      Grant: grant({
        resource: columnsResource('orders', ['order_id', 'customer_email']),
        metadata: grantMetadata({ restrictedColumns: ['customer_email'], roles: ['analyst', 'support'] }),
      }),
    });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'LMA03',
        message: `grant of sales.orders table orders to "${ANALYST}" exposes restricted column customer_email, which its roles (analyst, support) do not list in lakemesh.includeColumns; withhold the columns, or add them to the role's lakemesh.includeColumns in the contract`,
        ...at('Grant'),
      },
    ]);
  });

  test('a restricted column granted through includeColumns is information', () => {
    const findings = findingsOf({
      Grant: grant({
        resource: columnsResource('orders', ['order_id', 'Customer_Email']),
        metadata: grantMetadata({ restrictedColumns: ['customer_email'], includeColumns: ['customer_email'], roles: ['auditor'] }),
      }),
    });
    expect(findings).toEqual([
      {
        severity: 'info',
        code: 'LMA04',
        message: `grant of sales.orders table orders to "${ANALYST}" exposes restricted column Customer_Email through lakemesh.includeColumns of its roles (auditor)`,
        ...at('Grant'),
      },
    ]);
  });

  test('judges what the template grants, not what the metadata claims', () => {
    const findings = findingsOf({
      Grant: grant({
        resource: { TableWithColumns: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'orders', ColumnWildcard: {} } },
        metadata: grantMetadata({ columns: ['order_id'], restrictedColumns: ['customer_email'] }),
      }),
    });
    expect(findings.map((finding) => finding.code)).toEqual(['LMA03']);
  });

  test('withheld restricted columns are fine', () => {
    expect(
      findingsOf({
        Grant: grant({ resource: columnsResource('orders', ['order_id']), metadata: grantMetadata({ restrictedColumns: ['customer_email'] }) }),
      }),
    ).toEqual([]);
  });
});

describe('resource findings', () => {
  test('a cross-account grant without contract metadata is an error', () => {
    expect(findingsOf({ Grant: grant({ resource: columnsResource('orders', ['order_id']) }) })).toEqual([
      {
        severity: 'error',
        code: 'LMA05',
        message: `grant of SELECT on table sales_orders.orders to "${ANALYST}" crosses from account 111111111111 to another account but has no lakemesh:grant metadata, so no contract, purpose or approver backs it; make cross-account grants through ContractGrant or a mesh.yaml grant`,
        ...at('Grant'),
      },
    ]);
  });

  test('a cross-account grant with incomplete contract metadata is an error', () => {
    const metadata = grantMetadata({ contractVersion: '', purposes: [], approvedBy: ['  '] });
    expect(findingsOf({ Grant: grant({ resource: columnsResource('orders', ['order_id']), metadata }) })).toEqual([
      {
        severity: 'error',
        code: 'LMA05',
        message: `grant of SELECT on table sales_orders.orders to "${ANALYST}" crosses to another account but its lakemesh:grant metadata has no contractVersion, purposes, approvedBy, so the audit trail is incomplete; make cross-account grants through ContractGrant or a mesh.yaml grant`,
        ...at('Grant'),
      },
    ]);
  });

  test('in an environment-agnostic stack, any literal account may be another one', () => {
    const findings = findingsOf({ Grant: grant({ principal: PRODUCER, resource: columnsResource('orders', ['order_id']) }) }, { account: null });
    expect(findings.map((finding) => finding.message)).toEqual([
      `grant of SELECT on table sales_orders.orders to "${PRODUCER}" crosses from an environment-agnostic stack to another account but has no lakemesh:grant metadata, so no contract, purpose or approver backs it; make cross-account grants through ContractGrant or a mesh.yaml grant`,
    ]);
  });

  test('a producer grant in its own account needs no metadata, and may even carry the grant option', () => {
    const local = { Local: grant({ principal: PRODUCER, resource: columnsResource('orders', ['order_id']), grantOption: ['SELECT'] }) };
    expect(findingsOf(local)).toEqual([]);
    const own = { Own: grant({ principal: { 'Fn::GetAtt': ['EtlRole', 'Arn'] }, resource: databaseResource(), permissions: ['DESCRIBE'] }) };
    expect(findingsOf(own)).toEqual([]);
  });

  test('a grant to IAM_ALLOWED_PRINCIPALS is an error', () => {
    const findings = findingsOf({ Grant: grant({ principal: 'IAM_ALLOWED_PRINCIPALS', resource: databaseResource(), permissions: ['ALL'] }) });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'LMA06',
        message:
          'grant of ALL on database sales_orders to "IAM_ALLOWED_PRINCIPALS" hands access control back to IAM, which makes every lake formation grant on it meaningless; remove the grant and let consumers in through contract grants',
        ...at('Grant'),
      },
    ]);
  });

  test.each([
    ['*', 'everyone ("*")'],
    ['444444444444', 'a whole account'],
    ['arn:aws:iam::444444444444:root', 'a whole account'],
    ['arn:aws:organizations::111111111111:organization/o-abc123', 'a whole organization'],
  ])('a grant to %s is an error', (principal, reach) => {
    const findings = findingsOf({ Grant: grant({ principal, resource: columnsResource('orders', ['order_id']), metadata: grantMetadata() }) });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'LMA07',
        message: `grant of SELECT on table sales_orders.orders to "${principal}" reaches ${reach}, so every current and future principal there can read outside any contract; grant the consumer's named iam roles instead`,
        ...at('Grant'),
      },
    ]);
  });

  test('the grant option on a contract grant is an error', () => {
    const findings = findingsOf({
      Grant: grant({ resource: columnsResource('orders', ['order_id']), grantOption: ['SELECT', 'DESCRIBE'], metadata: grantMetadata() }),
    });
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'LMA08',
        message: `grant of SELECT on table sales_orders.orders to "${ANALYST}" gives the grant option (DESCRIBE, SELECT), so the consumer can pass the data on outside any contract; keep PermissionsWithGrantOption empty`,
        ...at('Grant'),
      },
    ]);
  });

  test('a grant on a filter no resource of the stack defines is a warning', () => {
    const findings = auditStacks(
      [
        stack({ Filter: dataCellsFilter('orders', 'de', "country = 'DE'", ['order_id']) }, { name: 'other-stack' }),
        stack({ ...catalog, Grant: grant({ resource: filterResource('orders', 'de'), metadata: grantMetadata() }) }),
      ],
      { today: TODAY },
    ).findings;
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'LMA09',
        message: `grant of SELECT on data cells filter de on sales_orders.orders to "${ANALYST}" names data cells filter "de", which no AWS::LakeFormation::DataCellsFilter of stack retail-governance defines, so its columns and rows are taken from the grant metadata; define the filter in the same stack`,
        ...at('Grant'),
      },
    ]);
  });

  test('a legacy AWS::LakeFormation::Permissions resource is a warning', () => {
    const legacy = { Type: 'AWS::LakeFormation::Permissions', Properties: { DataLakePrincipal: { DataLakePrincipalIdentifier: ANALYST }, Resource: {}, Permissions: ['SELECT'] } };
    expect(findingsOf({ Legacy: legacy })).toEqual([
      {
        severity: 'warning',
        code: 'LMA10',
        message:
          'legacy AWS::LakeFormation::Permissions resource is not read into the access matrix; replace it with AWS::LakeFormation::PrincipalPermissions (what lakemesh writes), which also records the catalog it grants in',
        ...at('Legacy'),
      },
    ]);
  });

  test('an LF-Tag grant is not expanded and says so', () => {
    const findings = findingsOf({
      Grant: grant({
        principal: PRODUCER,
        resource: { LFTagPolicy: { CatalogId: '111111111111', ResourceType: 'TABLE', Expression: [{ TagKey: 'domain', TagValues: ['sales'] }] } },
      }),
    });
    expect(findings).toEqual([
      {
        severity: 'info',
        code: 'LMA11',
        message: `grant of SELECT on a LFTagPolicy resource to "${PRODUCER}" is not shown in the access matrix: the audit does not expand LFTagPolicy grants into tables; lakemesh makes named-resource grants only`,
        ...at('Grant'),
      },
    ]);
  });
});

describe('findings as a whole', () => {
  test('are sorted by severity, then code, stack and logical id', () => {
    const findings = findingsOf({
      B: grant({ resource: columnsResource('orders', ['order_id']), metadata: grantMetadata({ expires: '2026-12-01' }) }),
      A: grant({ principal: 'arn:aws:iam::444444444444:role/other', resource: columnsResource('orders', ['order_id']), metadata: grantMetadata({ expires: '2026-12-01' }) }),
      C: grant({ principal: '*', resource: columnsResource('orders', ['order_id']), metadata: grantMetadata() }),
      D: grant({ principal: 'arn:aws:iam::444444444444:role/third', resource: columnsResource('orders', ['customer_email']), metadata: grantMetadata({ restrictedColumns: ['customer_email'], includeColumns: ['customer_email'] }) }),
    });
    expect(findings.map((finding) => [finding.severity, finding.code, finding.logicalId])).toEqual([
      ['error', 'LMA07', 'C'],
      ['warning', 'LMA02', 'A'],
      ['warning', 'LMA02', 'B'],
      ['info', 'LMA04', 'D'],
    ]);
  });

  test('hasErrors is true only with an error finding', () => {
    expect(hasErrors({ findings: findingsOf(selectWithExpiry('2026-12-01')) })).toBe(false);
    expect(hasErrors({ findings: findingsOf(selectWithExpiry('2026-11-01')) })).toBe(true);
  });
});
