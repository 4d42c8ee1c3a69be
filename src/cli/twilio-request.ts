import twilio from 'twilio';
import { loadEnvFile } from '../config/env-file.js';

/**
 * Sends one webhook the way Twilio would, signed with TWILIO_AUTH_TOKEN for PUBLIC_URL + path,
 * and prints the reply: for trying the phone survey by hand without a phone.
 *   npm run -s twilio-request -- /voice/incoming CallSid=CA… From=+15551230001
 */
async function main(): Promise<void> {
  const [path, ...pairs] = process.argv.slice(2);
  loadEnvFile();
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  // An empty value (as .env.example has them) means "not set", as it does for the service.
  const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3978}`).replace(/\/+$/, '');
  if (!path?.startsWith('/') || !authToken) {
    console.error('usage: TWILIO_AUTH_TOKEN=… [PUBLIC_URL=…] npm run -s twilio-request -- /voice/incoming CallSid=CA<32 hex> From=+1555… [Field=value…]');
    process.exit(2);
  }
  const fields = Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const url = `${publicUrl}${path}`;
  const target = process.env.DELIVER_TO ? `${process.env.DELIVER_TO.replace(/\/+$/, '')}${path}` : url;
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, fields) },
    body: new URLSearchParams(fields),
  });
  console.log(`HTTP ${response.status}`);
  console.log(await response.text());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
