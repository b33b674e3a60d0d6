// Typed HTTP errors and the one error handler every route shares: clear 4xx messages, no stack traces, 500s logged.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** An error a route raises on purpose, with the status and message the client should see. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = codeFor(statusCode),
  ) {
    super(message);
    this.name = "HttpError";
  }
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 404:
      return "not_found";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "unprocessable";
    default:
      return status >= 500 ? "internal_error" : "error";
  }
}

/** 400 with a message naming the bad field. */
export const badRequest = (message: string) => new HttpError(400, message);
/** 404 naming what was not found. */
export const notFound = (what: string, id: string) => new HttpError(404, `no ${what} with id "${id}"`);

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  message: string;
  statusCode: number;
}

// Fastify's validation messages read "body/text must be string"; this makes them name the field the same way everywhere.
function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const where = err.validationContext ?? "request";
  const missing = (first.params as { missingProperty?: string } | undefined)?.missingProperty;
  const extra = (first.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  const path = first.instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (missing) return `${where}.${path ? path + "." : ""}${missing} is required`;
  if (extra) return `${where}.${path ? path + "." : ""}${extra} is not a known field`;
  return `${where}${path ? "." + path : ""} ${first.message ?? "is invalid"}`;
}

/** Turns any thrown error into a JSON error response; only unexpected ones are logged and hidden behind a 500. */
export function errorHandler(err: FastifyError | HttpError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) return reply.status(err.statusCode).send({ error: err.code, message: err.message, statusCode: err.statusCode } satisfies ErrorBody);
  const fe = err as FastifyError;
  if (fe.validation) return reply.status(400).send({ error: "bad_request", message: validationMessage(fe), statusCode: 400 } satisfies ErrorBody);
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const message = status === 413 ? `request body is larger than the limit` : fe.message;
    return reply.status(status).send({ error: codeFor(status), message, statusCode: status } satisfies ErrorBody);
  }
  req.log.error({ err, url: req.url, method: req.method }, "request failed");
  return reply.status(500).send({ error: "internal_error", message: "internal error; see the server log", statusCode: 500 } satisfies ErrorBody);
}
