/**
 * The entry: small on purpose. It asks main for the session and the first chats before the app's code is
 * fetched and compiled (start-app.ts, its own chunk), so main's answers are ready when the app first renders.
 */
import { askEarly } from './lib/early-calls.ts';
import './app.css';

askEarly();
void import('./start-app.ts');
