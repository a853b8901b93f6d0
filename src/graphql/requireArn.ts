import { parseArn, type Arn } from '../iam/index.js';
import { awsError } from './errors.js';

/** Parses an ARN argument, or answers as IAM does for a malformed one: InvalidInput "ARN X is not valid." */
export function requireArn(arn: string): Arn {
  const parsed = parseArn(arn);
  if (parsed === null) throw awsError('InvalidInput', `ARN ${arn} is not valid.`);
  return parsed;
}
