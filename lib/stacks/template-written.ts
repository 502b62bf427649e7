/**
 * Lets code follow an app's templates as they are written: the mesh stacks' synthesizer announces
 * each template right after writing it, so that template validation can start on it while the app
 * goes on with the others (lib/app/parallel-template-validation.ts).
 */
import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

export interface WrittenTemplate {
  readonly stack: Stack;
  /** Where the template file is, complete. */
  readonly templatePath: string;
}

type Listener = (template: WrittenTemplate) => void;

const listenersByRoot = new WeakMap<IConstruct, Listener[]>();

/** Calls `listener` for every template of `app`'s stacks that `templateWritten` announces. */
export function onTemplateWritten(app: IConstruct, listener: Listener): void {
  const root = app.node.root;
  listenersByRoot.set(root, [...(listenersByRoot.get(root) ?? []), listener]);
}

/** Announces that `stack`'s template is complete at `templatePath`. */
export function templateWritten(stack: Stack, templatePath: string): void {
  for (const listener of listenersByRoot.get(stack.node.root) ?? []) listener({ stack, templatePath });
}
