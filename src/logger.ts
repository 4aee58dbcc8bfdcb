import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Header and credential fields are redacted by path as a second line of
 * defence: the code never logs them on purpose.
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'walletgate' },
      redact: {
        paths: [
          'headers.authorization',
          'headers["x-api-key"]',
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'apiKey',
          'token',
          'secret',
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
