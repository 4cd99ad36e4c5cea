// What an API endpoint may be: an http(s) base URL, optionally with a path
// prefix, and nothing that would leak or be dropped. One rule for the config
// (which says where a bad value came from) and the client (which is also
// built from code). No imports: the config reads it on the CLI's start-up path.

/**
 * True when `host` (a URL's hostname or a bind address, IPv6 with or without
 * brackets) names this machine's loopback: 127.0.0.0/8, ::1 and its
 * IPv4-mapped form, `localhost` and names under it. Decided on the text, before
 * any lookup: another name is not loopback, since what it resolves to can change.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(bare) ||
    bare === '::1' ||
    /^::ffff:(127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(bare)
  );
}

/** True when requests to `endpoint` cross a network unencrypted: plain http to a host that is not loopback. */
export function sendsInClear(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

export type EndpointCheck = { ok: true; url: URL; base: string } | { ok: false; problem: string };

/** `base` is the URL without trailing slashes, as requests are joined to it. */
export function checkEndpoint(raw: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `expected http or https, got ${url.protocol.replace(/:$/, '')}` };
  }
  // Basic auth comes from the credentials; a password in the URL would bypass every redaction.
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials in the URL (a user name or password) are not supported' };
  if (url.search !== '' || url.hash !== '') return { ok: false, problem: 'a base URL has no query or fragment' };
  return { ok: true, url, base: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
