/** The AWS error codes the pure STS rules can return. */
export type StsErrorCode = 'ValidationError' | 'PackedPolicyTooLarge';

/**
 * A rejected STS request, as data. Unlike the engine's own errors the message is AWS's exact wording,
 * because clients match on it; `source` names the parameter that held the fault.
 */
export interface StsError {
  code: StsErrorCode;
  message: string;
  source: string;
}

/** The outcome of an STS rule: a value, or the error that stops the call. */
export type StsResult<T> = { ok: true; value: T } | { ok: false; error: StsError };

/** Wraps a value as a successful {@link StsResult}. */
export function stsOk<T>(value: T): StsResult<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed {@link StsResult}. */
export function stsFail<T>(code: StsErrorCode, message: string, source: string): StsResult<T> {
  return { ok: false, error: { code, message, source } };
}
