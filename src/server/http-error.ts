// The one error type route code throws; app.ts turns it into `{"messages": [...]}`.

export class HttpError extends Error {
  readonly statusCode: number;
  readonly messages: string[];
  readonly headers: Record<string, string>;

  constructor(statusCode: number, messages: string | string[], headers: Record<string, string> = {}) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.messages = list;
    this.headers = headers;
  }
}

export const notFound = (what = 'not found') => new HttpError(404, what);
