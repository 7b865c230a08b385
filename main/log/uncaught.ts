import type { RotatingLog } from './rotating-log.ts';

/**
 * Logs what nothing else caught, and writes the log at once: the log writes in the background, and a
 * process in that state may not live to run another callback. On exit, whatever is still queued is
 * written too. Returns a function that removes the handlers.
 */
export function logUncaught(
  log: Pick<RotatingLog, 'error' | 'flushSync'>,
  target: NodeJS.EventEmitter = process,
): () => void {
  const onException = (error: unknown) => {
    log.error('Uncaught exception', error);
    log.flushSync();
  };
  const onRejection = (reason: unknown) => {
    log.error('Unhandled rejection', reason);
    log.flushSync();
  };
  const onExit = () => log.flushSync();
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  target.on('exit', onExit);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
    target.off('exit', onExit);
  };
}
