/**
 * English strings: the reference catalogue. Every other language must have exactly these keys
 * (see `Messages`), so a missing or extra key is a type error.
 *
 * Placeholders are written `{name}`. Plural forms use the suffixes of `Intl.PluralRules`
 * (`.one`, `.other`, …); `.other` is required.
 */
export const en = {
  'app.name': 'Ryze Desktop',
  'app.loading': 'Loading…',
  'app.noBridge': 'Ryze Desktop could not reach its background process. Restart the app.',

  'language.en': 'English',
  'language.pt-BR': 'Português (Brasil)',

  'signIn.title': 'Sign in to RyzeAPI',
  'signIn.subtitle': 'Use an account token or an instance token from your RyzeAPI dashboard.',
  'signIn.baseUrl': 'API address',
  'signIn.token': 'Token',
  'signIn.tokenHint': 'The token is kept in your system keychain, never in a file.',
  'signIn.continue': 'Continue',
  'signIn.checking': 'Checking…',
  'signIn.keychainBanner':
    'The system keychain is unavailable ({reason}), so the token cannot be stored safely. On Linux, start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then restart Ryze Desktop.',

  'picker.title': 'Choose an instance',
  'picker.subtitle.one': 'This token opens one instance. Confirm to continue.',
  'picker.subtitle.other': 'This token opens {count} instances. Choose the one to open.',
  'picker.empty': 'This token has no instances. Create one in RyzeAPI, then sign in again.',
  'picker.listLabel': 'Instances',
  'picker.noProfile': 'No WhatsApp profile yet',
  'picker.cancel': 'Cancel',
  'picker.opening': 'Opening…',

  'state.connected': 'Connected',
  'state.connecting': 'Connecting…',
  'state.disconnected': 'Disconnected',
  'state.loggedout': 'Logged out',
  'state.closed': 'Closed',
  'state.banned': 'Banned',
  'state.unknown': 'Unknown state',

  'header.instance': 'Instance',
  'header.signOut': 'Sign out',
  'header.settings': 'Settings',
  'header.undo': 'Undo last star change',

  'tabs.label': 'Views',
  'banners.label': 'Notices',
  'tabs.chats': 'Chats',
  'tabs.favorites': 'Favorites',

  'chats.search': 'Search by name or number',
  'chats.listLabel': 'Chats',
  'chats.empty': 'No chats yet.',
  'chats.noResults': 'No chats match “{query}”.',
  'chats.refreshing': 'Updating chats…',
  'chats.noPreview': 'No messages yet',
  'chats.count.one': '{count} chat',
  'chats.count.other': '{count} chats',

  'star.chat': 'Star chat {name}',
  'star.message': 'Star message from {sender} at {time}',
  'pending.mark': 'Pending',
  'pending.title': 'Waiting to be sent to RyzeAPI',

  'messages.listLabel': 'Messages with {name}',
  'messages.placeholder': 'Select a chat to read its messages.',
  'messages.empty': 'No messages in this chat yet.',
  'messages.loadingOlder': 'Loading older messages…',
  'messages.olderError': 'Could not load older messages. {error}',
  'messages.retry': 'Try again',
  'messages.you': 'You',
  'messages.close': 'Close chat',
  'messages.notFound': 'That message is no longer available in this chat.',
  'messages.keys': '↑ ↓ or J K to move · Enter to open · S to star · / to search · Esc to go back',

  'msgType.image': 'Photo',
  'msgType.video': 'Video',
  'msgType.audio': 'Audio',
  'msgType.voice': 'Voice message',
  'msgType.document': 'Document',
  'msgType.sticker': 'Sticker',
  'msgType.location': 'Location',
  'msgType.contact': 'Contact',
  'msgType.other': 'Message ({type})',

  'favorites.chats': 'Starred chats',
  'favorites.messages': 'Starred messages',
  'favorites.noChats': 'No starred chats. Select ☆ on a chat, or press S.',
  'favorites.noMessages': 'No starred messages.',
  'favorites.loadMore': 'Show more',
  'favorites.listLabel': 'Favorites',
  'favorites.inChat': 'in {chat}',

  'status.label': 'Sync status',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.pending.one': '{count} change pending',
  'status.pending.other': '{count} changes pending',
  'status.allSaved': 'All changes saved',
  'status.syncing': 'Syncing…',
  'status.syncingSeconds': 'Syncing… about {seconds} s left',
  'status.syncingMinutes': 'Syncing… about {minutes} min left',
  'status.held': 'Sending paused: {reason}',
  'status.failed.one': '{count} change failed',
  'status.failed.other': '{count} changes failed',

  'held.auth': 'the token was refused. Sign in again to send your changes.',
  'held.forbidden': 'this token is not allowed to change favorites.',
  'held.notFound': 'the instance was not found in RyzeAPI.',
  'held.disconnected': 'the instance is not connected to WhatsApp.',
  'held.rateLimited': 'RyzeAPI asked to slow down. Sending resumes shortly.',
  'held.invalidRequest': 'RyzeAPI rejected a change.',
  'held.network': 'waiting for a connection to RyzeAPI.',
  'held.server': 'RyzeAPI is having trouble. Retrying shortly.',
  'held.keychainUnavailable': 'the system keychain is locked or unavailable.',
  'held.invalidArgument': 'a change was not valid.',
  'held.forbiddenSender': 'the request came from an unexpected window.',
  'held.notSignedIn': 'you are signed out.',
  'held.store': 'local data could not be read or written.',
  'held.internal': 'something went wrong inside Ryze Desktop.',

  'failed.title': 'Changes that could not be saved',
  'failed.star': 'Star “{label}”',
  'failed.unstar': 'Unstar “{label}”',
  'failed.retry': 'Retry',
  'failed.dismiss': 'Dismiss',
  'failed.retryLabel': 'Retry: {label}',
  'failed.dismissLabel': 'Dismiss: {label}',
  'failed.close': 'Close',
  'failed.show': 'Show failed changes',

  'conn.instance':
    'This instance is not connected to WhatsApp ({state}). Connect it in RyzeAPI; stars are kept until then.',
  'conn.liveClosed': 'Live updates are off. Lists refresh when you reopen them.',
  'conn.liveUnavailable': 'Live updates are not available. Lists refresh when you reopen them.',

  'error.auth': 'The token was refused. Check it and sign in again.',
  'error.forbidden': 'This token is not allowed to do that.',
  'error.notFound': 'Instance not found. It may have been deleted or renamed in RyzeAPI.',
  'error.disconnected': 'The instance is not connected to WhatsApp. Connect it in RyzeAPI and try again.',
  'error.rateLimited': 'Too many requests: RyzeAPI asked to slow down. Wait a moment and try again.',
  'error.invalidRequest': 'RyzeAPI did not accept the request.',
  'error.network': 'Can’t reach RyzeAPI. Check your connection; your stars are kept and will be sent later.',
  'error.server': 'RyzeAPI had a problem. Try again in a moment.',
  'error.keychainUnavailable':
    'The system keychain is unavailable: {message}. On Linux, start and unlock a Secret Service keyring (GNOME Keyring or KWallet).',
  'error.invalidArgument': 'That value is not valid.',
  'error.forbiddenSender': 'This window is not allowed to talk to Ryze Desktop. Restart the app.',
  'error.notSignedIn': 'You are signed out. Sign in again.',
  'error.store': 'Ryze Desktop could not read or write its local data.',
  'error.internal': 'Something went wrong inside Ryze Desktop.',
  'error.detail': 'Server said: {message}',
  'error.dismiss': 'Dismiss',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.system': 'Match system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',

  'time.yesterday': 'Yesterday',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
