/**
 * The resources of every stack template, flattened into one list the audit walks. Templates come
 * from files, so nothing is trusted to be well-formed: a resource that is not an object, or has no
 * `Type`, is skipped.
 */
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { cfnText } from './cfn-text';
import { AssemblyStack } from './cloud-assembly';

export interface TemplateResource {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: CfnObject;
  readonly metadata: CfnObject;
}

/** Every resource of `stacks`, in stack order then logical id order. */
export function templateResources(stacks: readonly AssemblyStack[]): TemplateResource[] {
  return stacks.flatMap((stack) => {
    const resources = isCfnObject(stack.template.Resources) ? stack.template.Resources : {};
    return Object.keys(resources)
      .sort()
      .flatMap((logicalId): TemplateResource[] => {
        const body = resources[logicalId];
        if (!isCfnObject(body) || typeof body.Type !== 'string') return [];
        return [
          {
            stack,
            logicalId,
            type: body.Type,
            properties: isCfnObject(body.Properties) ? body.Properties : {},
            metadata: isCfnObject(body.Metadata) ? body.Metadata : {},
          },
        ];
      });
  });
}

const ACCOUNT_ID_TEXT = '${AWS::AccountId}';

/**
 * A catalog id as a comparable key: a literal account id stays itself; absent or `AWS::AccountId`
 * is the stack's own account (or `${AWS::AccountId}@<stack>` when the stack is
 * environment-agnostic, which only matches within that stack).
 */
export function catalogKey(value: unknown, stack: AssemblyStack): string {
  const text = cfnText(value);
  if (text === undefined || text === ACCOUNT_ID_TEXT) return stack.account ?? `${ACCOUNT_ID_TEXT}@${stack.stackName}`;
  return text;
}
