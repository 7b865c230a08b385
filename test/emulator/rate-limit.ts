// API.md §3: fixed window per token, limit/remaining/reset headers on every /api and /ws response.

export interface RateDecision {
  limit: number;
  remaining: number;
  /** Unix seconds, rounded up so that a client sleeping until Reset always lands after the window end. */
  resetSec: number;
  allowed: boolean;
}

interface Bucket {
  windowStart: number;
  used: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  consume(token: string, now = Date.now()): RateDecision {
    let bucket = this.buckets.get(token);
    if (bucket === undefined || now >= bucket.windowStart + this.windowMs) {
      bucket = { windowStart: now, used: 0 };
      this.buckets.set(token, bucket);
    }
    const allowed = bucket.used < this.limit;
    // Rejected requests do not use up quota, otherwise a client hammering on 429 would never recover.
    if (allowed) bucket.used++;
    return {
      limit: this.limit,
      remaining: this.limit - bucket.used,
      resetSec: Math.ceil((bucket.windowStart + this.windowMs) / 1000),
      allowed,
    };
  }

  /** Requests without a valid token count against nothing (our choice); they still get truthful-looking headers. */
  anonymous(now = Date.now()): RateDecision {
    return {
      limit: this.limit,
      remaining: this.limit,
      resetSec: Math.ceil((now + this.windowMs) / 1000),
      allowed: true,
    };
  }

  headers(d: RateDecision): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(d.limit),
      'X-RateLimit-Remaining': String(d.remaining),
      'X-RateLimit-Reset': String(d.resetSec),
    };
  }
}
