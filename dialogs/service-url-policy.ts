/**
 * Where the bot may send replies. A prefix matches on scheme, host and port exactly and on the
 * start of the path, so "https://smba.trafficmanager.net" does not admit "https://smba.trafficmanager.net.evil.test".
 */
export function isAllowedServiceUrl(serviceUrl: string, allowedPrefixes: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  return allowedPrefixes.some((prefix) => {
    let allowed: URL;
    try {
      allowed = new URL(prefix);
    } catch {
      return false;
    }
    const allowedPath = allowed.pathname.endsWith('/') ? allowed.pathname : `${allowed.pathname}/`;
    const targetPath = target.pathname.endsWith('/') ? target.pathname : `${target.pathname}/`;
    return allowed.protocol === target.protocol && allowed.host === target.host && targetPath.startsWith(allowedPath);
  });
}
