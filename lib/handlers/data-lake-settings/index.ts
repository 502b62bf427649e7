/**
 * Lambda entry point of the data lake settings custom resource (bundled by `bundledHandlerDirectory`).
 * The CDK's custom resource entrypoint wraps `handler`: it sends the returned physical id to
 * CloudFormation, and a thrown error's message as the failure reason.
 */
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { handleEvent, HandlerResponse } from './handle-event';
import { SYSTEM_CLOCK } from './retry';

const client = new LakeFormationClient({});

export async function handler(event: CloudFormationCustomResourceEvent): Promise<HandlerResponse> {
  return handleEvent(event, { client, clock: SYSTEM_CLOCK, log: (message) => console.log(message) });
}
