import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fault-injecting HTTP proxy on loopback, between sync clients and the real server.
 *
 * Faults, decided by a seeded random source so a failing run can be replayed:
 *  - drop the request: the client's connection is cut before anything reaches the server;
 *  - drop the response: the request is forwarded, the server commits, and then the client's connection
 *    is cut instead of answering — the case that makes idempotent push necessary;
 *  - down: every request fails while the server is being restarted.
 * Streaming endpoints (Server-Sent Events) are passed through untouched.
 */
export type FaultOptions = { dropRequest: number; dropResponse: number };

export class FaultProxy {
  private server: Server | null = null;
  private target = '';
  down = false;
  faults: FaultOptions = { dropRequest: 0, dropResponse: 0 };
  readonly stats = { forwarded: 0, droppedRequests: 0, droppedResponses: 0, refusedWhileDown: 0 };

  constructor(private readonly random: () => number) {}

  setTarget(url: string): void {
    this.target = url.replace(/\/$/, '');
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const streaming = (req.url ?? '').startsWith('/sync/events');
        if (this.down) {
          this.stats.refusedWhileDown++;
          req.socket.destroy();
          return;
        }
        if (!streaming && this.random() < this.faults.dropRequest) {
          this.stats.droppedRequests++;
          req.socket.destroy();
          return;
        }
        const dropResponse = !streaming && this.random() < this.faults.dropResponse;
        const upstream = request(
          `${this.target}${req.url ?? '/'}`,
          { method: req.method, headers: { ...req.headers, host: new URL(this.target).host } },
          (up) => {
            if (dropResponse) {
              // Let the server finish (it has committed once it answers), then lose the answer.
              up.resume();
              up.on('end', () => {
                this.stats.droppedResponses++;
                req.socket.destroy();
              });
              return;
            }
            this.stats.forwarded++;
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (!res.headersSent) req.socket.destroy();
          else res.destroy();
        });
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    this.server = null;
  }
}

/** Mulberry32: a tiny seeded PRNG, so every random choice of a run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
