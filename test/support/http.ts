// A small HTTP client over fetch that keeps the session cookie like a browser would.
import { request as httpRequest } from 'node:http';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class HttpClient {
  cookie: string | undefined;

  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const all: Record<string, string> = { ...this.headers, ...headers };
    if (this.cookie && !('cookie' in all)) all.cookie = this.cookie;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      all['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: all, body: payload, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'panel_session' || name === '__Host-panel_session') this.cookie = value && !/Max-Age=0/i.test(line) ? `${name}=${value}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) => this.request<T>('POST', path, body, headers);
  patch = <T = any>(path: string, body: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', path, body, headers);
  delete = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('DELETE', path, body, headers);

  /** The same client with an API key instead of the cookie. */
  withKey(key: string): HttpClient {
    return new HttpClient(this.base, { ...this.headers, authorization: `Bearer ${key}` });
  }
}

/**
 * One JSON request sent from a chosen local address, to act as another client: loopback holds
 * the whole of 127.0.0.0/8. fetch cannot choose its source address, node:http can.
 */
export function requestFrom<T = any>(localAddress: string, url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, localAddress, headers: { ...(payload !== undefined && { 'content-type': 'application/json' }), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const received = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const item of Array.isArray(value) ? value : [value ?? '']) received.append(name, item);
        }
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed as T, headers: received, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
