import type { z } from 'zod';

/** A start-up refusal: one line per bad or missing variable, naming it and never echoing its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }

  static fromZod(error: z.ZodError): ConfigError {
    return new ConfigError(error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
  }
}
