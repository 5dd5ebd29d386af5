import IORedis, { RedisOptions } from 'ioredis';

/**
 * Producers fail fast while Redis is away (the outbox keeps the work); workers wait for it forever,
 * as BullMQ requires (`maxRetriesPerRequest: null`).
 */
export function createRedis(url: string, role: 'producer' | 'worker' | 'probe'): IORedis {
  const options: RedisOptions = {
    lazyConnect: false,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
  if (role === 'worker') {
    options.maxRetriesPerRequest = null;
  } else {
    options.maxRetriesPerRequest = 1;
    options.enableOfflineQueue = role === 'producer';
    options.commandTimeout = 2000;
  }
  const client = new IORedis(url, options);
  // Connection errors are reported by health checks; an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  return client;
}
