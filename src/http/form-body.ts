import express, { type RequestHandler } from 'express';

/** express.urlencoded whose too-many-fields refusal names the limit, so the 413 can say what was exceeded. */
export function formBody(options: { limit: string; parameterLimit: number }): RequestHandler {
  const parse = express.urlencoded({ extended: false, ...options });
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if (error && (error as { type?: unknown }).type === 'parameters.too.many') Object.assign(error, { parameterLimit: options.parameterLimit });
      next(error);
    });
}
