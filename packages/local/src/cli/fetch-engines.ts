import { ensureDynamoLocal } from '../engines';

process.stdout.write(`DynamoDB Local ready in ${ensureDynamoLocal()}\n`);
