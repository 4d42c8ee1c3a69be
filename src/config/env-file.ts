import { ConfigError } from './config-error.js';

/**
 * Reads `.env` in the working directory into process.env with Node's own loader, before the
 * configuration is checked. A variable already in the environment keeps its value: the
 * environment wins over the file. No file is fine; a file that cannot be read is a start-up error.
 */
export function loadEnvFile(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ConfigError([`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`]);
  }
}
