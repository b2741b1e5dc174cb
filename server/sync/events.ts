import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { hashToken } from '../auth/tokens';
import type { AuthUser } from '../auth/users';
import type { Db } from '../db/index';
import { readableScopes } from './access';
import { CHANGES_CHANNEL, type ChangeNote, parseNote } from './notes';

/**
 * Live "new changes" notifications over Server-Sent Events.
 *
 * Invariants:
 *  - the only source of events is the database (LISTEN on CHANGES_CHANNEL), never this process's
 *    memory, so a client connected to any instance hears pushes made on every instance;
 *  - an event is a hint to pull, not data: a lost event (reconnect, restart) costs at most a delay
 *    until the client's next pull, never a change. When the listening connection was lost, every client
 *    is told "anything may have changed";
 *  - a client hears only about scopes it may read; its scope list is reloaded when a note says its
 *    access changed;
 *  - a comment line every heartbeat keeps proxies from closing an idle stream; at the same moment the
 *    token is checked again, so a revoked or expired token ends the stream.
 */
type Client = {
  user: AuthUser;
  tokenHash: string;
  scopes: Set<string>;
  res: ServerResponse;
};

export class EventHub {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly heartbeatMs: number,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const note = parseNote(payload);
        if (note) void this.dispatch(note);
        else this.log.warn('ignored a malformed change note');
      },
      () => {
        this.log.warn('change listener reconnected; telling every client to pull');
        void this.dispatch({ scopes: null });
      },
    );
    this.timer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream on an already hijacked response. */
  open(res: ServerResponse, user: AuthUser, token: string, scopes: string[], seq: number): void {
    const client: Client = { user, tokenHash: hashToken(token), scopes: new Set(scopes), res };
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
    // Reconnect after 5 s if the stream breaks; `ready` tells the client to catch up with a pull.
    res.write('retry: 5000\n\n');
    this.send(client, 'ready', { scopes, seq });
  }

  private send(client: Client, event: string, data: unknown): void {
    if (client.res.writableEnded || client.res.destroyed) {
      this.clients.delete(client);
      return;
    }
    client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private async dispatch(note: ChangeNote): Promise<void> {
    for (const client of [...this.clients]) {
      const accessChanged = note.users?.includes(client.user.id) === true;
      if (accessChanged) {
        try {
          client.scopes = new Set(await readableScopes(this.db, client.user));
        } catch (error) {
          this.log.warn({ err: error }, 'could not reload scopes of an event client');
        }
      }
      const scopes =
        note.scopes === null
          ? null
          : client.user.role === 'admin'
            ? note.scopes
            : note.scopes.filter((s) => client.scopes.has(s));
      if (scopes === null || scopes.length > 0 || accessChanged) {
        this.send(client, 'changes', { scopes, ...(note.seq !== undefined ? { seq: note.seq } : {}) });
      }
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.clients.size === 0) return;
    for (const client of this.clients) {
      if (!client.res.writableEnded) client.res.write(': heartbeat\n\n');
    }
    try {
      const hashes = [...new Set([...this.clients].map((c) => c.tokenHash))];
      const rows = await this.db.query<{ token_hash: string }>(
        `select token_hash from auth_tokens
          where token_hash in (select jsonb_array_elements_text($1::text::jsonb))
            and revoked_at is null and expires_at > now()`,
        [JSON.stringify(hashes)],
      );
      const live = new Set(rows.map((r) => r.token_hash));
      for (const client of [...this.clients]) {
        if (live.has(client.tokenHash)) continue;
        this.send(client, 'unauthorized', { message: 'Your sign-in has ended; sign in again.' });
        this.end(client);
      }
    } catch (error) {
      this.log.warn({ err: error }, 'could not re-check event stream tokens');
    }
  }

  private end(client: Client): void {
    this.clients.delete(client);
    if (!client.res.writableEnded) client.res.end();
    // Do not wait for the client to hang up: a half-closed or forgotten connection would otherwise
    // keep the socket (and a shutting-down server) open.
    client.res.socket?.destroySoon();
  }

  /** Ends every stream (shutdown): the server can only close once they are gone. */
  closeAll(): void {
    for (const client of [...this.clients]) this.end(client);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.closeAll();
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
  }
}
