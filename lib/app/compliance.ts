/**
 * The compliance packs every mesh app runs on synth: cdk-nag's AwsSolutions and NIST 800-53 R5,
 * and lakemesh's own DataMeshChecks. Unacknowledged errors fail `cdk synth`.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { DataMeshChecks } from '../nag';

/** Context key that turns the packs off (`-c lakemesh:nag=false`), e.g. for a quick local synth. */
export const NAG_CONTEXT_KEY = 'lakemesh:nag';

/** Adds the packs to `app` unless the context turns them off. Returns whether they were added. */
export function addCompliancePacks(app: App): boolean {
  const setting = app.node.tryGetContext(NAG_CONTEXT_KEY);
  if (setting === false || setting === 'false') return false;
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app), new DataMeshChecks(app));
  return true;
}
