import type { FavoriteBehaviour } from './favorite-behaviours.ts';
import { routeKey } from './router.ts';

export interface FavoriteCall {
  instance: string;
  body: unknown;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  /** How the call was answered ('applied' unless a behaviour was queued). */
  behaviour: FavoriteBehaviour | 'fault';
  /** Whether the server made the change, whatever the client was told. */
  applied: boolean;
}

/** Request counts per route pattern, rejected requests included, so tests can assert retry/backoff behaviour. */
export class Counters {
  private readonly byRoute = new Map<string, number>();
  private total = 0;
  private favorites: FavoriteCall[] = [];
  private followed = 0;

  record(path: string): void {
    const key = routeKey(path);
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
    this.total++;
  }

  count(path?: string): number {
    if (path === undefined) return this.total;
    return this.byRoute.get(routeKey(path)) ?? 0;
  }

  recordFavorite(call: FavoriteCall): void {
    this.favorites.push(call);
  }

  favoriteCalls(): FavoriteCall[] {
    return this.favorites.map((c) => ({ ...c }));
  }

  recordRedirectFollowed(): void {
    this.followed++;
  }

  redirectsFollowed(): number {
    return this.followed;
  }

  reset(): void {
    this.byRoute.clear();
    this.total = 0;
    this.favorites = [];
    this.followed = 0;
  }
}
