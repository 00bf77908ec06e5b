import pino, { type Logger } from 'pino';
import type { LogFormat } from './config';

export type { Logger };

/**
 * JSON lines in production (for log shippers), readable lines in development.
 * Redaction is a safety net: code should not log secrets or message text in the first place.
 */
export function createLogger(level: string, format: LogFormat, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: ['*.authorization', '*.MicrosoftAppPassword', '*.password', '*.token', '*.text'],
      censor: '[redacted]',
    },
  };
  if (format === 'json') return destination ? pino(options, destination) : pino(options);
  // Synchronous pretty stream: no worker thread to outlive the process on shutdown.
  const pretty = require('pino-pretty') as (opts: object) => NodeJS.WritableStream;
  return pino(
    options,
    pretty({
      sync: true,
      colorize: process.stdout.isTTY,
      translateTime: 'HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
    }) as pino.DestinationStream,
  );
}

/** For tests and tools that need a logger but no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
