import type { Response } from 'express';

/**
 * Direct Line's error codes. Clients act on the HTTP status (403: token expired, 404: conversation
 * gone, 429/503: try again later); the code says the same for people and logs. TokenExpired is
 * Direct Line's documented code for a token that is no longer valid, BadArgument the one it gives
 * a malformed request; the others name their status.
 */
export type DirectLineErrorCode = 'BadArgument' | 'MissingToken' | 'TokenExpired' | 'Forbidden' | 'NotFound' | 'TooManyRequests' | 'ServiceUnavailable' | 'InternalError';

export interface DirectLineErrorBody {
  error: { code: DirectLineErrorCode; message: string };
}

const CODE_OF_STATUS: Record<number, DirectLineErrorCode> = {
  400: 'BadArgument',
  401: 'MissingToken',
  403: 'Forbidden',
  404: 'NotFound',
  413: 'BadArgument',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

export function directLineError(code: DirectLineErrorCode, message: string): DirectLineErrorBody {
  return { error: { code, message } };
}

/** Answers with Direct Line's error body, `{"error": {"code", "message"}}`; the code follows the status unless given. */
export function refuse(response: Response, status: number, message: string, code: DirectLineErrorCode = CODE_OF_STATUS[status] ?? (status >= 500 ? 'InternalError' : 'BadArgument')): void {
  response.status(status).json(directLineError(code, message));
}
