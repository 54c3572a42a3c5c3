/**
 * The SQL console's session on its own engine (db/console.ts, loaded only when the console opens), so
 * the page holds no connector of its own.
 */
import { ConsoleSession } from '$lib/model/console';

export function consoleSession(): ConsoleSession {
	return new ConsoleSession(async () => (await import('$lib/db/console')).createConsoleConnector());
}
