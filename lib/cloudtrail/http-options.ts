import "server-only";

/**
 * Timeouts for every AWS client (CloudTrail and STS). The SDK's Node handler has none by default, so a
 * stalled connection would hold a request (and the start lock) forever. 3 s to connect is generous for a
 * Regional endpoint; 10 s covers CloudTrail's slowest calls. A timeout surfaces as NetworkError (retryable).
 */
export const AWS_HTTP_OPTIONS = {
  connectionTimeout: 3_000,
  requestTimeout: 10_000,
  // Without this the SDK only logs a warning when requestTimeout passes.
  throwOnRequestTimeout: true,
} as const;
