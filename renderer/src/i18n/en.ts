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
  'app.opening': 'Opening your chats…',
  'app.noBridge': 'Ryze Desktop could not reach its background process. Restart the app.',

  /** This language's own name, for the language picker. */
  'language.name': 'English',

  'signIn.title': 'Sign in to RyzeAPI',
  'signIn.subtitle': 'Use an account token or an instance token from your RyzeAPI dashboard.',
  'signIn.baseUrl': 'API address',
  'signIn.token': 'Token',
  'signIn.tokenHint': 'The token is kept in your system keychain, never in a file.',
  'signIn.help': 'Where do I find my token?',
  'signIn.helpLabel': 'Where do I find my token? Opens the RyzeAPI guide in your browser',
  'signIn.continue': 'Continue',
  'signIn.checking': 'Checking…',
  'signIn.baseUrlProblem.notUrl': 'The API address must be a full URL, like https://ryzeapi.cloud.',
  'signIn.baseUrlProblem.insecure':
    'The API address must start with https://, so your token never travels unencrypted (http:// is accepted only for this computer: localhost, 127.0.0.1 or [::1]).',
  'signIn.baseUrlProblem.userInfo': 'The API address must not contain a user name or password.',
  'signIn.baseUrlProblem.query': 'The API address must not contain a query (the part after “?”).',
  'signIn.baseUrlProblem.fragment': 'The API address must not contain a fragment (the part after “#”).',
  'signIn.keychainBanner':
    'The system keychain is unavailable, so the token cannot be stored safely. {reason} Then restart Ryze Desktop.',

  'keychain.lockedTitle': 'Unlock your keyring',
  'keychain.lockedBody.one':
    'The token of your signed-in account is in the system keyring, which is locked or unavailable. Unlock it, then try again. Your stars and pending changes are kept.',
  'keychain.lockedBody.other':
    'The tokens of your {count} signed-in accounts are in the system keyring, which is locked or unavailable. Unlock it, then try again. Your stars and pending changes are kept.',
  'keychain.lockedHint': 'On Linux, open Passwords and Keys (Seahorse) and unlock the Login keyring.',
  'keychain.reason': 'Details: {reason}',
  'keychain.retry': 'Try again',
  'keychain.retrying': 'Checking…',
  'keychain.stillLocked': 'The keyring is still locked or unavailable.',

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
  'state.lastKnown': 'Last known: {state}',

  'header.instance': 'Instance',
  'accounts.menu': 'Switch account or instance',
  'accounts.signedIn': 'Signed in',
  'accounts.otherInstances': 'Other instances of this token',
  'accounts.add': 'Sign in to another account…',
  'accounts.back': 'Back to the signed-in account',
  'accounts.pending.one': '{count} change pending',
  'accounts.pending.other': '{count} changes pending',
  'header.signOut': 'Sign out',
  'header.settings': 'Settings',
  'header.undo': 'Undo last star change',

  'tabs.label': 'Views',
  'banners.label': 'Notices',
  'tabs.chats': 'Chats',
  'tabs.favorites': 'Favorites',

  'chats.search': 'Search chats and messages',
  'chats.listLabel': 'Chats',
  'chats.empty': 'No chats yet.',
  'chats.noResults': 'No chats match “{query}”.',
  'chats.refreshing': 'Updating chats…',
  'chats.noPreview': 'No messages loaded yet',
  'chats.unread.one': '{count} unread message',
  'chats.unread.other': '{count} unread messages',
  'chats.count.one': '{count} chat',
  'chats.count.other': '{count} chats',

  'search.messages': 'Messages',
  'search.listLabel': 'Messages matching “{query}”',
  'search.searching': 'Searching messages…',
  'search.noResults': 'No messages match “{query}”.',
  'search.scope': 'Only messages already loaded on this computer are searched.',
  'search.count.one': '{count} message found',
  'search.count.other': '{count} messages found',
  'search.countAtLeast.one': 'More than {count} message found',
  'search.countAtLeast.other': 'More than {count} messages found',

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
  'messages.unknownSender': 'Unknown sender',
  'messages.showMore': 'Show more',
  'messages.showLess': 'Show less',
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

  'sendStatus.pending': 'Waiting to send',
  'sendStatus.sent': 'Sent',
  'sendStatus.delivered': 'Delivered',
  'sendStatus.read': 'Read',
  'sendStatus.played': 'Played',
  'sendStatus.error': 'Not sent',

  'media.open': 'Open',
  'media.save': 'Save',
  'media.opening': 'Opening…',
  'media.openLabel': 'Open {name}',
  'media.saveLabel': 'Save {name}',
  'media.tooLarge': 'Too large to open here ({size}). Open it on the phone.',
  'media.notStored': 'RyzeAPI does not have this file. It may not have been stored yet; try again later.',
  'media.failed': 'Could not open the file. {error}',

  'id.lid': 'WhatsApp shares only a private ID (LID) for this contact, not their phone number.',
  'id.masked': 'WhatsApp shows only part of this number; the rest is hidden.',

  'favorites.chats': 'Starred chats',
  'favorites.messages': 'Starred messages',
  'favorites.noChats': 'No starred chats. Select ☆ on a chat, or press S.',
  'favorites.noMessages': 'No starred messages.',
  'favorites.loadMore': 'Show more',
  'favorites.listLabel': 'Favorites',
  'favorites.inChat': 'in {chat}',

  'transfer.label': 'Export and import favorites',
  'transfer.export': 'Export',
  'transfer.exportMenu': 'Export favorites as',
  'transfer.exportCsv': 'CSV, for spreadsheets',
  'transfer.exportJson': 'JSON, to import into Ryze Desktop',
  'transfer.import': 'Import',
  'transfer.importTitle': 'Import favorites from a JSON export of this instance',
  'transfer.exporting': 'Exporting…',
  'transfer.importing': 'Importing…',
  'transfer.importProgress': 'Importing… {done} of {total} looked up on RyzeAPI',
  'transfer.exported.one': 'Exported {count} favorite to {file}.',
  'transfer.exported.other': 'Exported {count} favorites to {file}.',
  'transfer.notExported': '{file} could not be saved.',
  'transfer.imported.one': 'Imported {count} star from {file}; it is being sent to RyzeAPI.',
  'transfer.imported.other': 'Imported {count} stars from {file}; they are being sent to RyzeAPI.',
  'transfer.importedNone': 'Nothing new to import from {file}.',
  'transfer.already.one': '{count} was already starred.',
  'transfer.already.other': '{count} were already starred.',
  'transfer.gone.one': '{count} no longer exists on RyzeAPI and was left out.',
  'transfer.gone.other': '{count} no longer exist on RyzeAPI and were left out.',
  'transfer.notImported': 'Nothing was imported from {file}.',
  'transfer.signInFirst': 'Sign in to export or import favorites.',

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
  'status.nextTry': '(next try at {time})',
  'status.retryNow': 'Retry now',
  'status.failed.one': '{count} change failed',
  'status.failed.other': '{count} changes failed',

  // Why sending is paused, one short clause per class of error (ErrorKind); the next try's time follows.
  'held.auth': 'the token was refused. Sign in again to send your changes.',
  'held.forbidden': 'this token is not allowed to change favorites. Sign in with one that is.',
  'held.notFound': 'the instance was not found in RyzeAPI. Check it still exists, then sign in again.',
  'held.disconnected': 'the instance is not connected to WhatsApp. Sending resumes when it connects.',
  'held.rateLimited': 'RyzeAPI asked to slow down.',
  'held.invalidRequest': 'RyzeAPI rejected a change.',
  'held.network': 'waiting for a connection to RyzeAPI.',
  'held.redirected': 'RyzeAPI answered with a redirect; check the API address.',
  'held.server': 'RyzeAPI is having trouble.',
  'held.keychainUnavailable': 'the system keychain is locked or unavailable.',
  'held.invalidArgument': 'a change was not valid.',
  'held.forbiddenSender': 'the request came from an unexpected window.',
  'held.notSignedIn': 'you are signed out.',
  'held.store': 'local data could not be read or written.',
  'held.file': 'a file could not be read or written.',
  'held.internal': 'something went wrong inside Ryze Desktop.',

  'failed.title': 'Changes that could not be saved',
  'failed.star': 'Star {name}',
  'failed.unstar': 'Unstar {name}',
  'name.chat': '“{chat}”',
  'name.message': '“{text}” in {chat}',
  'name.messageWithoutText': 'a message in {chat}',
  'failed.retry': 'Retry',
  'failed.dismiss': 'Dismiss',
  'failed.retryLabel': 'Retry: {name}',
  'failed.dismissLabel': 'Dismiss: {name}',
  'failed.close': 'Close',
  'failed.show': 'Show failed changes',
  'failed.markStar': 'Star not saved: {reason}',
  'failed.markUnstar': 'Unstar not saved: {reason}',
  'failed.retryRow': 'Retry {subject}. {reason}',
  'failed.chatSubject': 'the star change on chat {name}',
  'failed.messageSubject': 'the star change on the message from {sender} at {time}',

  'signOut.title': 'Sign out of {name}?',
  'signOut.keychain': 'The token is removed from this computer’s keychain.',
  'signOut.pending.one':
    '{count} star change for this account has not been sent yet. It will not be sent while you are signed out.',
  'signOut.pending.other':
    '{count} star changes for this account have not been sent yet. They will not be sent while you are signed out.',
  'signOut.nothingPending': 'All star changes for this account have been sent.',
  'signOut.remove': 'Also remove this account’s chats and messages from this computer',
  'signOut.keep':
    'Otherwise they stay: signing in to this account again shows them and sends what is pending.',
  'signOut.lost': 'The changes not yet sent are deleted with them and will never be sent.',
  'signOut.confirm': 'Sign out',
  'signOut.cancel': 'Cancel',

  'conn.instance':
    'This instance is not connected to WhatsApp ({state}). Connect it in RyzeAPI; stars are kept until then.',
  'conn.offline':
    'You’re offline: RyzeAPI can’t be reached. Your changes are kept and will be sent when it’s back; the app keeps retrying.',
  'conn.liveClosed': 'Live updates are off. Lists refresh when you reopen them.',
  'conn.liveUnavailable': 'Live updates are not available. Lists refresh when you reopen them.',

  // One sentence per error code (preload/app-errors.ts); {placeholders} are the code's parameters.
  'error.tokenRefused': 'RyzeAPI refused the token. Check it and sign in again.',
  'error.forbidden': 'RyzeAPI says this token is not allowed to do that.',
  'error.instanceNotFound': 'RyzeAPI could not find this instance. It may have been deleted or renamed.',
  'error.messageNotFound': 'RyzeAPI no longer has this message; it may have been deleted on the phone.',
  'error.notFound': 'RyzeAPI could not find what was asked for (HTTP {status}).',
  'error.disconnected': 'The instance is not connected to WhatsApp. Connect it in RyzeAPI and try again.',
  'error.rateLimited': 'Too many requests: RyzeAPI asked to slow down. Wait a moment and try again.',
  'error.invalidRequest': 'RyzeAPI did not accept the request (HTTP {status}).',
  'error.serverError': 'RyzeAPI had a problem (HTTP {status}). Try again in a moment.',
  'error.unreadableAnswer':
    'RyzeAPI sent an answer the app could not read (HTTP {status}). Try again in a moment.',
  'error.answerDisagreed':
    'RyzeAPI’s answer did not match the change, so it is not known whether it was made.',
  'error.redirected':
    'RyzeAPI answered with a redirect to {location} (HTTP {status}). Redirects are never followed, so your token was not sent there; check the API address.',
  'error.noInstances': 'This token has no instances. Create one in RyzeAPI, then sign in again.',
  'error.unknownServerRefusedToken': 'The server at this address did not accept the token (HTTP {status}).',
  'error.notRyzeApi':
    'The server at this address did not answer the sign-in as RyzeAPI does (HTTP {status}). Check the API address.',
  'error.unreachable':
    'Can’t reach RyzeAPI. Check your connection; your stars are kept and will be sent later.',
  'error.timeout':
    'RyzeAPI did not answer in time. Check your connection; your stars are kept and will be sent later.',
  'error.connectionLost':
    'The connection to RyzeAPI broke before it answered. Check your connection; your stars are kept and will be sent later.',
  'error.keychainNoService':
    'No Secret Service is running. On Linux, log in to a desktop session with GNOME Keyring or KWallet running.',
  'error.keychainLocked':
    'The keyring is locked or has no default collection. Unlock your login keyring and try again.',
  'error.keychainDenied':
    'Access to the system keychain was denied. Allow Ryze Desktop to use it and try again.',
  'error.keychainFailed':
    'The system keychain could not be used. On Linux, start and unlock a Secret Service keyring (GNOME Keyring or KWallet).',
  'error.badBaseUrl': '{problem}',
  'error.badToken': 'The token can only hold letters, digits and ASCII punctuation.',
  'error.invalidArgument': 'Ryze Desktop refused a value that is not valid ({field}).',
  'error.unknownRequest': 'The window asked for something Ryze Desktop does not do. Restart the app.',
  'error.forbiddenSender': 'This window is not allowed to talk to Ryze Desktop. Restart the app.',
  'error.notSignedIn': 'You are signed out. Sign in again.',
  'error.signInExpired': 'The sign-in expired. Enter your token again.',
  'error.tokenMissing': 'The keychain no longer holds this account’s token. Sign in again.',
  'error.accountNotSignedIn': 'That account is not signed in on this computer.',
  'error.noSuchInstance': 'There is no instance named “{instance}” for this token.',
  'error.unknownTarget': 'That {target} is no longer on this computer. Refresh and try again.',
  'error.failedChangeGone': 'That failed change is no longer in the list.',
  'error.noMediaFile': 'This message has no file to open.',
  'error.mediaTooLarge': 'This file is {size}; files over {limit} are not opened here. Open it on the phone.',
  'error.importRunning': 'An import is already running. Wait for it to finish.',
  'error.noFileDialog':
    'This copy of Ryze Desktop cannot ask for a file. Use the installed app to export or import favorites.',
  'error.exportNoSpace': 'The disk is full. Free some space or choose another place, and export again.',
  'error.exportNotAllowed':
    'Ryze Desktop is not allowed to write there. Choose another folder and export again.',
  'error.exportFailed': 'The file could not be written. Choose another place and export again.',
  'error.importUnreadable':
    'The file could not be read. Check that it is still there and that you may open it.',
  'error.importTooLarge': 'The file is {size}, larger than any favorites export (at most {limit}).',
  'error.importEmpty': 'The file is empty.',
  'error.importNotUtf8': 'The file is not a text file Ryze Desktop wrote.',
  'error.importDamaged':
    'The file is damaged or incomplete. Export the favorites again and import the new file.',
  'error.importNotAnExport':
    'The file is not a favorites export. Choose a JSON file made with Export › JSON.',
  'error.importNewerVersion':
    'The file was made by a newer version of Ryze Desktop. Update the app to import it.',
  'error.importOtherInstance':
    'The file holds the favorites of instance “{instance}” at {server}. Open that instance to import it.',
  'error.storeUnreadable': 'Ryze Desktop could not open its local data.',
  'error.storeTooNew': 'The local data was written by a newer version of Ryze Desktop. Update the app.',
  'error.storeClosed': 'Ryze Desktop is closing its local data. Start it again to go on.',
  'error.storeStopped': 'The local data stopped unexpectedly, so this action was not saved. Try it again.',
  'error.storeKeepsStopping':
    'The local data keeps stopping unexpectedly. Quit Ryze Desktop and start it again; your data is kept.',
  'error.internal': 'Something went wrong inside Ryze Desktop. Try again.',
  /** The server's own words, quoted under the app's sentence; only ever for errors RyzeAPI answered with. */
  'error.serverSaid': 'RyzeAPI said: “{message}”',
  /** A redirect whose Location named no address. */
  'error.unnamedPlace': 'an address it did not name',
  'target.chat': 'chat',
  'target.message': 'message',

  // One sentence per notice code (preload/app-errors.ts).
  'notice.storeRecovered':
    'The local data could not be read, so it was set aside ({movedTo}) and a new store was started. Sign in again; your chats and messages will be downloaded again, and stars not yet sent may need to be set again.',
  'notice.storeRestored.one':
    'Ryze Desktop’s local data could not be read, so it was set aside. {stars} star came back from the backup of {backupAt} and is being sent to RyzeAPI again. Changes made after that backup need to be made again.',
  'notice.storeRestored.other':
    'Ryze Desktop’s local data could not be read, so it was set aside. {stars} stars came back from the backup of {backupAt} and are being sent to RyzeAPI again. Changes made after that backup need to be made again.',
  'notice.storeNotOpened':
    'Ryze Desktop could not open its local data. It was left as it is: quit Ryze Desktop and start it again, or install its latest version.',
  'error.dismiss': 'Dismiss',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.system': 'Match system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',

  'time.yesterday': 'Yesterday',
  'time.today': 'Today',
  'time.unknownDay': 'Date unknown',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
