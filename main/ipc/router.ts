import * as v from 'valibot';
import { requests, type RequestChannel, type RequestResult, type Result } from '../../preload/contract.ts';
import { AppFailure, toAppError } from '../core/app-error.ts';

/** What a handler receives: the argument after validation (trimmed, typed). */
export type HandlerArgs<C extends RequestChannel> = v.InferOutput<(typeof requests)[C]['args']>;

export type Handlers = {
  [C in RequestChannel]: (args: HandlerArgs<C>) => RequestResult<C> | Promise<RequestResult<C>>;
};

/** Where a call came from, as the shell sees it. */
export interface CallerInfo {
  url: string;
  isMainFrame: boolean;
}

/**
 * The single entry point for renderer calls. Checks the caller, validates the argument against the
 * contract, then calls the service. Whatever happens, the answer is a Result: a bad call is told why
 * and never crashes main; unexpected errors are reported without their internals.
 */
export class IpcRouter {
  private readonly handlers: Handlers;
  private readonly isTrustedCaller: (caller: CallerInfo) => boolean;
  private readonly onUnexpected: (channel: string, error: unknown) => void;
  private readonly onRejected: (channel: string, reason: string) => void;

  constructor(
    handlers: Handlers,
    options: {
      isTrustedCaller: (caller: CallerInfo) => boolean;
      onUnexpected?: (channel: string, error: unknown) => void;
      /** Told of calls refused before reaching a service (wrong sender, unknown channel, bad argument). */
      onRejected?: (channel: string, reason: string) => void;
    },
  ) {
    this.handlers = handlers;
    this.isTrustedCaller = options.isTrustedCaller;
    this.onUnexpected = options.onUnexpected ?? (() => {});
    this.onRejected = options.onRejected ?? (() => {});
  }

  async handle(channel: unknown, args: unknown, caller: CallerInfo): Promise<Result<unknown>> {
    const label = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
    if (!this.isTrustedCaller(caller)) {
      return this.reject(label, 'forbiddenSender', 'This call did not come from the app window.');
    }
    if (typeof channel !== 'string' || !Object.hasOwn(requests, channel)) {
      return this.reject(label, 'invalidArgument', 'Unknown request.');
    }
    const name = channel as RequestChannel;
    const parsed = v.safeParse(requests[name].args, args);
    if (!parsed.success) {
      return this.reject(label, 'invalidArgument', describeIssues(parsed.issues));
    }
    try {
      const handler = this.handlers[name] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      if (!(error instanceof AppFailure)) this.onUnexpected(name, error);
      return { ok: false, error: toAppError(error) };
    }
  }

  private reject(
    channel: string,
    kind: 'forbiddenSender' | 'invalidArgument',
    message: string,
  ): Result<never> {
    this.onRejected(channel, message);
    return { ok: false, error: { kind, message } };
  }
}

/**
 * Names the offending fields and what was expected. Custom messages from the contract are kept; values
 * received are not echoed, since a field may hold a token.
 */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'argument';
    const custom = issue.message && !issue.message.startsWith('Invalid ') ? issue.message : '';
    return custom ? `${path}: ${custom}` : `${path}: expected ${issue.expected ?? 'a valid value'}`;
  });
  return `Invalid request: ${parts.join('; ')}`;
}
