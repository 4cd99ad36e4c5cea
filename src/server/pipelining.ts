// Pipelined requests, one at a time per connection. Node's HTTP parser hands
// the server every request a connection sends, whether or not the answers
// before it were read; run at once, a client that pipelines a hundred list
// calls and never reads makes the server build a hundred answers and hold
// them. Here a connection's requests run in order, each once the answer
// before it has been written to the socket (so at the pace the client
// reads), and a connection with too many requests waiting is closed.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Requests one connection may have waiting behind the one running; one more closes it. */
export const MAX_QUEUED_PER_CONNECTION = 32;

interface ConnectionQueue {
  running: boolean;
  waiting: Array<() => void>;
}

/** Adds the onRequest hook; register it before every other, so nothing runs for a request still waiting. */
export function runOneRequestPerConnection(app: FastifyInstance, onClosed: (socket: Socket) => void): void {
  const queues = new WeakMap<Socket, ConnectionQueue>();

  const queueOf = (socket: Socket): ConnectionQueue => {
    let queue = queues.get(socket);
    if (!queue) {
      const created: ConnectionQueue = { running: false, waiting: [] };
      // The waiting requests of a closed connection never run.
      socket.once('close', () => (created.waiting.length = 0));
      queues.set(socket, created);
      queue = created;
    }
    return queue;
  };

  const next = (queue: ConnectionQueue) => {
    const start = queue.waiting.shift();
    if (start) start();
    else queue.running = false;
  };

  app.addHook('onRequest', async (request, reply) => {
    const socket = request.raw.socket;
    // A request parsed from bytes that arrived before its connection was
    // closed: never started, left to be collected with the connection.
    if (socket.destroyed) return new Promise<void>(() => {});
    const queue = queueOf(socket);
    if (queue.running) {
      if (queue.waiting.length >= MAX_QUEUED_PER_CONNECTION) {
        // The parser cannot be paused from here, and a queued answer cannot
        // be sent before the ones ahead of it: closing is the one bound.
        onClosed(socket);
        socket.destroy();
        return new Promise<void>(() => {});
      }
      await new Promise<void>((resolve) => queue.waiting.push(resolve));
    }
    queue.running = true;
    // 'close' follows the last byte handed to the socket, or the connection's end.
    reply.raw.once('close', () => next(queue));
    return undefined;
  });
}
