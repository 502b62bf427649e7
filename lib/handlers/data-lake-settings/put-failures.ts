/**
 * Turns Lake Formation's refusal of a settings object into a message that says which principal is
 * at fault and what to do. Lake Formation validates every admin on each `PutDataLakeSettings`, so
 * one deleted role, ours or anyone's, blocks every later change with
 * `InvalidInputException: Invalid principal, arn: <arn>`.
 */
import { LakemeshError } from '../../errors';
import { SETTINGS_HANDLER_CODES } from './properties';

const PRINCIPAL_ARN = /arn:[A-Za-z0-9-]+:iam::[^\s,;"')]+/;

/**
 * `ours` are the admins this resource asked for. Returns `error` unchanged when it is not an
 * `InvalidInputException`.
 */
export function explainPutFailure(error: unknown, ours: ReadonlySet<string>): unknown {
  if (!(error instanceof Error) || error.name !== 'InvalidInputException') return error;
  const detail = error.message;
  const principal = PRINCIPAL_ARN.exec(detail)?.[0];
  if (principal === undefined) {
    return LakemeshError.of(
      SETTINGS_HANDLER_CODES.rejectedSettings,
      `lake formation rejected the data lake settings ("${detail}"): check the admins given to DataLakeSettings and the account's admin list`,
    );
  }
  const message = ours.has(principal)
    ? `data lake admin ${principal} does not exist ("${detail}"): create it, or remove it from the admins of DataLakeSettings`
    : `the account's data lake admin list holds ${principal}, which does not exist ("${detail}"), and lake formation refuses every settings change while it is listed: remove it under lake formation > administrative roles and tasks, then retry the deployment`;
  return LakemeshError.of(SETTINGS_HANDLER_CODES.stalePrincipal, message);
}
