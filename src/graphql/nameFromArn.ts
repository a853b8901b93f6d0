/** The last path segment of an ARN (`…:role/path/Name` → `Name`), the name AWS's NoSuchEntity messages quote. */
export function nameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
