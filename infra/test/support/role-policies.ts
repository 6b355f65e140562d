/**
 * The data-plane statements (DynamoDB, SQS, S3) of each function's role, read from the stack
 * as the CLI synthesises it, with resources by name: `table`, `table/index/<name>`, a queue's
 * name, `evidence-bucket/<prefix>`. Neither the function code nor the console is built: a role depends on neither.
 */
import type { FunctionName } from '../../src/bundle';
import { type Cfn, synthesise } from './synth';

export interface Statement {
  actions: string[];
  resources: string[];
  /** ForAllValues:StringLike on dynamodb:LeadingKeys, if any. */
  partitions?: string[];
  /** Added by an event source mapping (SQS, or the table's stream), for the Lambda service's poller rather than the code. */
  poller: boolean;
}

export const functionPolicies = (): Record<FunctionName, Statement[]> => {
  const { stack, names, resources } = synthesise('Grants');
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
  const named: Record<string, string> = {
    [id(stack.data.table)]: 'table',
    [id(stack.evidence.bucket)]: 'evidence-bucket',
    [id(stack.data.key)]: 'data-key',
  };
  const nameOf = (logicalId: string) => {
    const r = resources[logicalId];
    return named[logicalId] ?? (r?.Type === 'AWS::SQS::Queue' ? r.Properties.QueueName : logicalId);
  };
  const render = (x: unknown): string => {
    const v = x as Cfn;
    if (typeof v === 'string') return v;
    if (v.Ref) return nameOf(v.Ref);
    if (v['Fn::GetAtt']) return nameOf(v['Fn::GetAtt'][0]);
    if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
    throw new Error(`cannot read ${JSON.stringify(v)}`);
  };
  const out = {} as Record<FunctionName, Statement[]>;
  for (const fn of names) {
    const role = id(stack.functions.fns[fn].role as never);
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Cfn) => x.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Cfn[]);
    out[fn] = statements
      .filter((s) => [s.Action].flat().some((a: string) => /^(dynamodb|sqs|s3):/.test(a)))
      .map((s) => {
        if (s.Effect !== 'Allow') throw new Error(`unexpected ${s.Effect} statement`);
        const conditions = Object.keys(s.Condition ?? {});
        // Only the condition the evaluators understand may appear on a data-plane grant.
        if (conditions.some((c) => c !== 'ForAllValues:StringLike')) throw new Error(`unexpected condition ${conditions}`);
        const partitions = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined;
        const actions = [s.Action].flat() as string[];
        return {
          actions,
          resources: [s.Resource].flat().map(render),
          ...(partitions ? { partitions } : {}),
          poller:
            actions.includes('sqs:ReceiveMessage') || actions.includes('dynamodb:GetRecords') || actions.includes('dynamodb:ListStreams'),
        };
      });
  }
  return out;
};
