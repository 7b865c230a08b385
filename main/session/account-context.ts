import { createHash } from 'node:crypto';
import type { InstanceSummary } from '../../preload/contract.ts';
import type { RateBudget } from '../api/rate-budget.ts';
import type { RyzeClient } from '../api/ryze-client.ts';

/** Everything a service needs to act for the signed-in account. Lives only in the main process. */
export interface AccountContext {
  readonly accountId: string;
  readonly baseUrl: string;
  readonly instance: InstanceSummary;
  readonly client: RyzeClient;
  readonly budget: RateBudget;
}

/** Stable id of an account on this machine: which server and which instance. Not derived from the token. */
export function accountIdOf(baseUrl: string, instance: string): string {
  return createHash('sha256').update(`${baseUrl}\n${instance}`).digest('hex').slice(0, 32);
}
