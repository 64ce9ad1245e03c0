// What the lab engine sends, receives and reports.

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Received {
  status: number;
  statusText: string;
  /** Lower-case names; a header sent more than once arrives joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The body was longer than the cap and was cut off. */
  truncated: boolean;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  ms: number;
}

export type NetErrorKind = "refused" | "timeout" | "bad-port" | "reset" | "other";

export interface NetError {
  kind: NetErrorKind;
  message: string;
}

export interface Exchange {
  request: SentRequest;
  response?: Received;
  error?: NetError;
}

/** One expectation that did not hold. */
export interface Failure {
  what: string;
  expected: string;
  actual: string;
}
