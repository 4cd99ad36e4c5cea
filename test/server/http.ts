// Small request helpers for the server's own tests.
import { get as httpGet } from 'node:http';
import { basicAuth } from '../helpers/server';

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: any;
}

export interface SendOptions {
  auth?: { user: string; password: string };
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function send(url: string, method: string, path: string, options: SendOptions = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = basicAuth(options.auth.user, options.auth.password);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const tokenAuth = (organizationId: string, token: string) => ({ user: organizationId, password: token });

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 10, 12, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * A GET from another loopback address: Linux routes all of 127.0.0.0/8 to
 * loopback, so `127.0.0.2` is a second client as the server sees it.
 */
export function getFrom(localAddress: string, url: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpGet({ host: target.hostname, port: target.port, path, headers, localAddress, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}
