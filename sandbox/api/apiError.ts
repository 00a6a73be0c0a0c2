/** One entry of the envelope's `errors` array. */
export interface ApiErrorEntry {
  code: string;
  message: string;
}

/** A request the API refuses; the server turns it into an envelope with `errors: [{ code, message }]`. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * A request the gateway refuses before it reaches the API. Azure API Management answers these with its own small JSON
 * body, not MediaValet's envelope.
 */
export class GatewayRejection extends Error {
  override readonly name = "GatewayRejection";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  get body(): { statusCode: number; message: string } {
    return { statusCode: this.status, message: this.message };
  }
}
