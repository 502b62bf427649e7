import { editAdmins, enforceLakeFormationOnly } from '../../../lib/handlers/data-lake-settings/merge-settings';
import { admins, fresh, settled } from './fixtures';

const A = 'arn:aws:iam::111111111111:role/a';
const B = 'arn:aws:iam::111111111111:role/b';
const C = 'arn:aws:iam::111111111111:role/c';

describe('editAdmins', () => {
  test('an admin both added and removed stays, because someone still wants it', () => {
    const edit = editAdmins(settled(A, B), { add: [B], remove: [B] });
    expect(edit).toMatchObject({ changed: false, added: [], removed: [] });
  });

  test('reports what it added and removed', () => {
    const edit = editAdmins(settled(A, B), { add: [C], remove: [A] });
    expect(edit).toMatchObject({ changed: true, added: [C], removed: [A] });
    expect(edit.settings.DataLakeAdmins).toEqual(admins(B, C));
  });

  test('removing an admin that is not listed changes nothing', () => {
    const current = settled(A);
    const edit = editAdmins(current, { add: [], remove: [B] });
    expect(edit.changed).toBe(false);
    expect(edit.settings).toBe(current);
  });

  test('starts an admin list when the account has none', () => {
    const edit = editAdmins({}, { add: [A], remove: [] });
    expect(edit.settings).toEqual({ DataLakeAdmins: admins(A) });
  });

  test('keeps the objects of the admins already listed', () => {
    const current = settled(A);
    const edit = editAdmins(current, { add: [B], remove: [] });
    expect(edit.settings.DataLakeAdmins?.[0]).toBe(current.DataLakeAdmins?.[0]);
  });
});

describe('enforceLakeFormationOnly', () => {
  test('changes nothing on settings already lake formation only', () => {
    const current = settled(A);
    expect(enforceLakeFormationOnly(current, '4')).toEqual({ settings: current, changed: false, added: [], removed: [] });
  });

  test('treats absent default permission lists as not cleared', () => {
    const edit = enforceLakeFormationOnly({ Parameters: { CROSS_ACCOUNT_VERSION: '4' } }, '4');
    expect(edit.changed).toBe(true);
    expect(edit.settings).toEqual({
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    });
  });

  test('clears the IAMAllowedPrincipals defaults of a fresh account', () => {
    const edit = enforceLakeFormationOnly(fresh(A), '5');
    expect(edit.settings).toEqual({ ...settled(A), Parameters: { CROSS_ACCOUNT_VERSION: '5' } });
  });

  test('a different version alone is a change', () => {
    expect(enforceLakeFormationOnly(settled(A), '5').changed).toBe(true);
  });
});
