export interface Config {
  backend?: {
    /**
     * Admission control of the API (packages/backend/src/modules/admission.ts):
     * requests refused at once with 503 and Retry-After while the backend is
     * saturated. docs/operations.md, "Overload".
     */
    admission?: {
      /** false turns admission control off. Default true. */
      enabled?: boolean;
      /** API requests in flight in the process. Default 128. */
      maxInFlight?: number;
      /** API requests in flight per client (token, else address). Default 32. */
      maxInFlightPerClient?: number;
      /** Event-loop lateness (ms) above which requests are refused. Default 100. */
      maxEventLoopDelayMs?: number;
      /** Lateness and queue count only with this many requests in flight. Default 8. */
      minInFlightForDelay?: number;
      /** A queue stands when the fastest request of 200 ms took longer (ms). Default 100. */
      targetLatencyMs?: number;
      /** The Retry-After of a refusal, in seconds. Default 2. */
      retryAfterSeconds?: number;
    };
  };
}
