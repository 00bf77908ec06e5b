/**
 * Letting HTTP go at shutdown. server.close() only stops new connections: a client that keeps its connection
 * alive (Teams does) can go on sending requests over it, and close() waits for that connection for ever. So
 * while draining every answer says `Connection: close`, idle connections are closed at once, and whoever
 * shuts down can cut the rest off once its deadline comes.
 */
import type { Server as HttpServer, ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';

export class HttpDrain {
  private draining = false;
  private closed: Promise<void> | undefined;
  /** Answers not yet sent, so the ones in flight when draining starts can be marked too. */
  private readonly inFlight = new Set<ServerResponse>();

  /** Registers its pre handler; construct it before any other, so every answer passes through it. */
  constructor(private readonly server: Server) {
    server.pre((_req: Request, res: Response, next: () => void) => {
      if (this.draining) {
        res.setHeader('connection', 'close');
      } else {
        this.inFlight.add(res);
        res.once('close', () => this.inFlight.delete(res));
      }
      return next();
    });
  }

  /** Stops accepting and lets connections go as their answers finish. Resolves once every connection has closed. */
  stop(): Promise<void> {
    if (this.closed) return this.closed;
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    this.inFlight.clear();
    this.closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.http().closeIdleConnections();
    return this.closed;
  }

  /** Past the deadline: drops the connections still open (their requests get no answer). */
  closeAllConnections(): void {
    this.http().closeAllConnections();
  }

  private http(): HttpServer {
    return this.server.server;
  }
}
