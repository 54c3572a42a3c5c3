import { OFFLINE_SETTINGS } from './connector';

/**
 * The SQL console's own database is locked down before it holds anything: it reads no file and no web
 * address (read_csv, ATTACH, COPY … TO, glob and LOAD all fail with a permission error), and the
 * configuration is locked, so no statement typed into the console can switch this back on. Tables are
 * still copied in afterwards (from Arrow, which touches no file system).
 */
export const CONSOLE_SETTINGS: readonly string[] = [
	...OFFLINE_SETTINGS,
	'SET allow_community_extensions = false',
	'SET enable_external_access = false',
	'SET lock_configuration = true'
];
