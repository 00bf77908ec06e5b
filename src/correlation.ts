/**
 * The turn-state key under which the HTTP edge stores a request's correlation id. It lives apart from
 * server.ts so the adapter and the bot can read the id without importing the server.
 */
export const CORRELATION_ID = Symbol('correlationId');
