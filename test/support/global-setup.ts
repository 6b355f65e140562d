import type { TestProject } from 'vitest/node';
import { startDynamoLocal, startSqsLocal } from '../../packages/local/src/engines';

/** One DynamoDB Local and one SQS engine for the whole run; each test file makes its own table and queues. */
export default async function setup(project: TestProject) {
  const [dynamo, sqs] = await Promise.all([startDynamoLocal(), startSqsLocal()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), sqs.stop()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sqsEndpoint: string;
  }
}
