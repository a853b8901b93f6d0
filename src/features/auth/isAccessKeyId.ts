/**
 * Whether text has the shape of an access key id (IAM's AccessKeyIdType: 16–128 word characters). Checked
 * before any lookup, so a NUL byte or a 100 KB user name in Basic credentials is InvalidClientTokenId
 * without reaching the database, and never lands in the audit trail.
 */
export function isAccessKeyId(text: string): boolean {
  return /^\w{16,128}$/.test(text);
}
