import { rfc3339 } from './http-util.ts';
import type { Reply } from './types.ts';

// §5.6: no auth, outside the rate limit, no success/error envelope.
export function health(startedAtMs: number): Reply {
  return {
    status: 200,
    body: {
      status: 'ok',
      service: 'RyzeAPI',
      uptime: goDuration(Date.now() - startedAtMs),
      timestamp: rfc3339(Math.floor(Date.now() / 1000)),
      checks: { db: 'ok' },
    },
  };
}

/** Formats like Go's time.Duration.String(), which the real server uses for `uptime`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}
