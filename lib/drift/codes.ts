/**
 * Codes of `lakemesh drift`. Codes are API: users and tests match on them, so a code is never
 * reused for a different meaning.
 *
 * - `DRIFT_CODES` (LM620–LM639): drift could not run (bad input, AWS refused or failed). They reach
 *   the user as a `LakemeshError` and exit 1.
 * - `DRIFT_ITEM_CODES` (LMD01–LMD99): what drift found between the templates and the accounts.
 *   Every one of them makes `lakemesh drift` exit 2.
 * - `DRIFT_INFO_CODES` (LMI01–LMI99): what drift could not compare; reported, never an exit 2.
 */
export const DRIFT_CODES = {
  /** A stack with Lake Formation resources has no account or region (environment-agnostic). */
  environmentAgnostic: 'LM620',
  /** AWS refused a call: access denied, unknown or unauthorized identity. */
  accessDenied: 'LM621',
  /** The AWS SDK found no credentials, or they expired. */
  noCredentials: 'LM622',
  /** Throttling (or a concurrent modification) outlasted the retry bound. */
  retriesExhausted: 'LM623',
  /** The reader role could not be assumed. */
  assumeRoleFailed: 'LM624',
  /** Any other AWS error. */
  awsError: 'LM625',
  /** `--role-name` is not an IAM role name. */
  invalidRoleName: 'LM626',
  /** The cloud assembly holds nothing drift could compare. */
  nothingToCompare: 'LM627',
} as const;

export const DRIFT_ITEM_CODES = {
  /** An intended grant is absent, or live grants less (permissions, grant option, columns). */
  missingGrant: 'LMD01',
  /** A live grant on a managed resource that no template intends. */
  extraGrant: 'LMD02',
  /** A live grant gives more than intended: permissions, grant option or columns. */
  widerGrant: 'LMD03',
  /** `IAM_ALLOWED_PRINCIPALS` holds a grant on a managed resource or in default permissions. */
  iamAllowedPrincipals: 'LMD04',
  /** A database, table, data cells filter or LF-Tag the templates define does not exist. */
  missingObject: 'LMD05',
  /** A data cells filter's row filter or columns differ from the template. */
  filterDiffers: 'LMD06',
  /** A data cells filter on a managed table that no template defines. */
  extraFilter: 'LMD07',
  /** An LF-Tag's values differ from the template. */
  tagValuesDiffer: 'LMD08',
  /** The LF-Tags assigned to a database, table or column differ from the template. */
  tagAssignmentDiffers: 'LMD09',
  /** A data lake admin the templates add is not an admin. */
  missingAdmin: 'LMD10',
  /** A data lake setting lakemesh sets (the cross-account version) differs. */
  settingDiffers: 'LMD11',
} as const;

export const DRIFT_INFO_CODES = {
  /** A template value drift cannot resolve offline (a parameter, an import, a role without a RoleName). */
  unresolvable: 'LMI01',
  /** A grant on a resource kind drift does not compare (LF-Tags, LF-Tag policies, catalogs). */
  notCompared: 'LMI02',
} as const;
