import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConnection {
  /** Set for a local engine; absent on AWS, where the SDK's defaults apply. */
  endpoint?: string;
  region?: string;
}

export const createDynamoClient = (conn: DynamoConnection = {}): DynamoDBClient => {
  const config: DynamoDBClientConfig = { region: conn.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (conn.endpoint) {
    config.endpoint = conn.endpoint;
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new DynamoDBClient(config);
};

export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
