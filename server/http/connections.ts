import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Node's server.close() waits for every open connection, and closes only idle keep-alive ones by
 * itself: a connection that was opened but never sent a request (pre-opened by a load balancer or an
 * HTTP client's pool) would hold a shutdown for up to the headers timeout (60 s). On shutdown this
 * drops every connection that is not in the middle of a request; busy ones finish their request
 * (their response carries `Connection: close`) and then close — and if a socket stays open after its
 * last response (a streamed download whose reply ended just as shutdown began can leave it waiting for
 * the keep-alive timeout), it is destroyed as soon as that response closes.
 */
export function trackConnections(server: Server): { dropIdle(): void } {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else {
        busy.delete(socket);
        if (closing) socket.destroy();
      }
    });
  });
  return {
    dropIdle() {
      closing = true;
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    },
  };
}
