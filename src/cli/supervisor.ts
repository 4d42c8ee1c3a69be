import { AccountError, SupervisorAccounts } from '../auth/supervisor-accounts.js';
import { ConfigError } from '../config/config-error.js';
import { loadEnvFile } from '../config/env-file.js';
import { loadConfig } from '../config/load-config.js';
import { connectRedis, untilReady } from '../redis/connect.js';
import { serviceRedis } from './service-redis.js';
import { createKeys } from '../redis/keys.js';

const USAGE = `Usage: npm run -s supervisor -- <command>
  add <username>       create a supervisor; the password is read from stdin (first line)
  password <username>  set a new password (from stdin); ends the supervisor's sessions
  remove <username>    delete a supervisor
  list                 list supervisors`;

/** The first line of stdin, without echoing anything (works piped or typed). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter): ');
  let input = '';
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    input += chunk.toString();
    if (input.includes('\n')) break;
  }
  return input.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const [command, username] = process.argv.slice(2);
  if (!command || !['add', 'password', 'remove', 'list'].includes(command) || (command !== 'list' && !username)) {
    console.error(USAGE);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  const { url, embedded } = await serviceRedis(config);
  const redis = connectRedis(url);
  try {
    await untilReady(redis);
    const accounts = new SupervisorAccounts(redis, createKeys(config.REDIS_KEY_PREFIX));
    if (command === 'list') {
      for (const name of await accounts.list()) console.log(name);
    } else if (command === 'remove') {
      console.log((await accounts.remove(username as string)) ? `removed ${username}` : `no supervisor ${username}`);
    } else {
      const password = await readPassword();
      if (command === 'add') await accounts.add(username as string, password);
      else await accounts.setPassword(username as string, password);
      console.log(command === 'add' ? `created supervisor ${username}` : `password changed for ${username}`);
    }
    return 0;
  } finally {
    await redis.quit().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AccountError || error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? `supervisor: ${error.message}` : error);
    process.exit(1);
  },
);
