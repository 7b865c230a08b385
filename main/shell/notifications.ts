import { Notification, type BrowserWindow } from 'electron';
import type { RefusedChange } from '../core/shell-hooks.ts';
import type { ShellStrings } from './strings.ts';

/** Kept until closed or clicked: a notification collected early loses its click handler. */
const live = new Set<Notification>();

/**
 * Tells the user, from main, that the server refused a change, when they are not looking at the window
 * (the failed-changes list in the window says it otherwise). The page itself keeps no notification
 * permission. Clicking the notification brings the window back. Returns whether one was shown.
 */
export function notifyRefused(
  change: RefusedChange,
  options: { window: BrowserWindow | null; strings: ShellStrings; onClick: () => void },
): boolean {
  const { window, strings } = options;
  if (window && !window.isDestroyed() && window.isFocused()) return false;
  if (!Notification.isSupported()) return false;
  const notification = new Notification({
    title: strings.refusedTitle,
    body: strings.refusedBody(
      change.target === 'chat' ? strings.chatName(change.name) : strings.messageName(change.name),
    ),
  });
  live.add(notification);
  notification.on('click', () => {
    live.delete(notification);
    options.onClick();
  });
  notification.on('close', () => live.delete(notification));
  notification.show();
  return true;
}
