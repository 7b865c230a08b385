import * as v from 'valibot';
import { baseUrlProblems, type BaseUrlProblem } from '../../preload/base-url.ts';
import {
  appError,
  requests,
  tokenIssue,
  type AppError,
  type RequestChannel,
  type RequestResult,
  type Result,
} from '../../preload/contract.ts';
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
      return this.reject(label, appError('forbiddenSender'), 'the call did not come from the app window');
    }
    if (typeof channel !== 'string' || !Object.hasOwn(requests, channel)) {
      return this.reject(label, appError('unknownRequest'), 'unknown request');
    }
    const name = channel as RequestChannel;
    const parsed = v.safeParse(requests[name].args, args);
    if (!parsed.success) {
      return this.reject(label, argumentError(parsed.issues), describeIssues(parsed.issues));
    }
    try {
      const handler = this.handlers[name] as (a: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      if (!(error instanceof AppFailure)) this.onUnexpected(name, error);
      return { ok: false, error: toAppError(error) };
    }
  }

  /** `reason` is for the log; the window gets the error's code. */
  private reject(channel: string, error: AppError, reason: string): Result<never> {
    this.onRejected(channel, reason);
    return { ok: false, error };
  }
}

/**
 * The first refused field, as the window is told it: the contract's own refusals (an API address, a
 * token) by their codes, anything else by the field's name. Values received are never echoed.
 */
function argumentError(issues: readonly v.BaseIssue<unknown>[]): AppError {
  const [issue] = issues;
  const field = pathOf(issue);
  if (field === 'baseUrl' && isBaseUrlProblem(issue?.message)) {
    return appError('badBaseUrl', { problem: issue.message });
  }
  if (field === 'token' && issue?.message === tokenIssue) return appError('badToken');
  return appError('invalidArgument', { field });
}

/** The refused field's path, when it names a field of the contract (an unknown key is the page's own text). */
function pathOf(issue: v.BaseIssue<unknown> | undefined): string {
  const path = issue?.path?.map((p) => String(p.key)) ?? [];
  return path.length > 0 && path.every((key) => /^[A-Za-z]\w{0,39}$/.test(key)) ? path.join('.') : 'argument';
}

function isBaseUrlProblem(message: string | undefined): message is BaseUrlProblem {
  return (baseUrlProblems as readonly unknown[]).includes(message);
}

/** For the log: the offending fields and what was expected; values received are not echoed (a token, say). */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const custom = issue.message && !issue.message.startsWith('Invalid ') ? issue.message : '';
    return `${pathOf(issue)}: ${custom || `expected ${issue.expected ?? 'a valid value'}`}`;
  });
  return `invalid request: ${parts.join('; ')}`;
}
