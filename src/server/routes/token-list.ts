// GET /api/v1/token's answer, `{"result": [...]}`, written page by page as
// the socket drains: an organization's list can be megabytes, and a client
// that does not read must not make the server hold it (or many copies of it).
import { Readable } from 'node:stream';
import type { Storage, TokenPage } from '../storage/types';
import { tokenToWire } from '../wire';

/** Tokens read and serialised at a time: about 75 KB of JSON. */
export const TOKEN_LIST_PAGE = 100;

/**
 * The first page is read before anything is sent, so a database that is
 * away or busy is still a proper 503. A read that fails later can only cut
 * the answer short (the status is sent by then): the client sees a broken
 * body, never a shorter list that parses.
 */
export async function tokenListBody(storage: Storage, organizationId: string, extensions: boolean): Promise<Readable> {
  const first = await storage.listTokensPage(organizationId, TOKEN_LIST_PAGE);
  async function* chunks(): AsyncGenerator<string> {
    let page: TokenPage = first;
    let separator = '';
    yield '{"result":[';
    for (;;) {
      let text = '';
      for (const token of page.tokens) {
        text += separator + JSON.stringify(tokenToWire(token, extensions));
        separator = ',';
      }
      if (text !== '') yield text;
      if (!page.next) break;
      page = await storage.listTokensPage(organizationId, TOKEN_LIST_PAGE, page.next);
    }
    yield ']}';
  }
  // Byte mode with a small high-water mark: the next page is read only once
  // the one before has gone to the socket.
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 16 * 1024 });
}
