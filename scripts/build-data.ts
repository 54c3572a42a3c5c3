/**
 * Builds data/<table>.csv and data/<table>.parquet from ../shared/reference (sourced facts)
 * plus scripts/demo-data.ts (demonstration rows). Deterministic: same input, same bytes.
 * Run: npm run data   (node --experimental-strip-types scripts/build-data.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_NAMES } from '../src/lib/data/schema.ts';
import type { TableName } from '../src/lib/data/schema.ts';
import { readRefCsv, writeTable } from './lib-io.ts';
import type { Row } from './lib-io.ts';
import {
	buildActions,
	buildCommitteeMembers,
	buildMeetings,
	buildPublishedFigures,
	buildStates
} from './lib-reference.ts';
import { buildDeadlines } from './lib-deadlines.ts';
import { meetingDays } from './lib-developments.ts';
import { demoIndicatorRows, demoObligations, demoValues } from './demo-data.ts';

/** The repo root holds src/lib/data/schema.ts; search upward so a bundled copy of this script works too. */
function findRepoRoot(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (fs.existsSync(path.join(dir, 'src', 'lib', 'data', 'schema.ts'))) return dir;
		const up = path.dirname(dir);
		if (up === dir) return process.cwd();
		dir = up;
	}
}
const repoRoot = findRepoRoot();
const refDir = path.resolve(repoRoot, '..', 'shared', 'reference');
const outDir = path.join(repoRoot, 'data');

const REQUIRED_FILES = [
	'states_parties.csv',
	'states_not_party.csv',
	'oap_actions.csv',
	'article5_deadlines.csv',
	'meetings.csv',
	'committees.csv',
	'indicator_figures.csv'
];

const missing = REQUIRED_FILES.filter((f) => !fs.existsSync(path.join(refDir, f)));
if (missing.length) {
	console.error(
		`build-data: reference files not found in ${refDir}: ${missing.join(', ')}.\n` +
			'The generated data/ files are committed, so the app does not need this script; ' +
			'to rebuild them, put the reference CSVs (see data/SOURCES.md) in ../shared/reference.'
	);
	process.exit(1);
}

const warnings: string[] = [];
const warn = (m: string) => warnings.push(m);
const ref = (f: string) => readRefCsv(refDir, f);

const states = buildStates(ref('states_parties.csv'), ref('states_not_party.csv'), warn);
const eifByIso = new Map(states.map((s) => [String(s.iso3), String(s.entry_into_force ?? '')]));
const figures = ref('indicator_figures.csv');
const meetingRef = ref('meetings.csv');
const dl = buildDeadlines(ref('article5_deadlines.csv'), figures, eifByIso, meetingDays(meetingRef), warn);
const article5Iso = dl.obligations.filter((o) => o.obligation === 'article5').map((o) => String(o.iso3));
const obligations = [...dl.obligations, ...demoObligations(states, article5Iso)];

const byKey = (...cols: string[]) => (a: Row, b: Row) => {
	for (const c of cols) {
		const x = a[c] ?? '';
		const y = b[c] ?? '';
		if (x === y) continue;
		return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
	}
	return 0;
};

const tables: Record<TableName, Row[]> = {
	states,
	state_obligations: obligations.sort(byKey('obligation', 'iso3', 'from_year')),
	actions: buildActions(ref('oap_actions.csv')),
	indicators: demoIndicatorRows(),
	indicator_values: demoValues(states, obligations),
	deadlines: dl.deadlines.sort(byKey('article', 'iso3')),
	extensions: dl.extensions.sort(byKey('iso3', 'article', 'sequence')),
	meetings: buildMeetings(meetingRef, warn),
	committee_members: buildCommitteeMembers(ref('committees.csv')),
	published_figures: buildPublishedFigures(figures),
	preliminary_observations: []
};

// Dangling references would only surface in the app; fail here instead.
const isoSet = new Set(states.map((s) => String(s.iso3)));
for (const t of ['state_obligations', 'deadlines', 'extensions', 'committee_members', 'indicator_values'] as const) {
	const bad = [...new Set(tables[t].map((r) => String(r.iso3)).filter((i) => !isoSet.has(i)))];
	if (bad.length) throw new Error(`${t}: iso3 not in states: ${bad.join(', ')}`);
}

fs.mkdirSync(outDir, { recursive: true });
console.log('table                      rows   csv bytes  parquet bytes');
for (const t of TABLE_NAMES) {
	const size = writeTable(outDir, t, tables[t]);
	console.log(`${t.padEnd(24)} ${String(tables[t].length).padStart(6)} ${String(size.csv).padStart(11)} ${String(size.parquet).padStart(14)}`);
}

if (dl.skipped.length) {
	console.warn(`\nextension_history entries not in the form "<meeting> (<year>) -> YYYY-MM-DD" (skipped, not guessed):`);
	for (const s of dl.skipped) console.warn(`  - ${s}`);
}
if (dl.asText.length) {
	console.warn('\ndevelopments_2025 that state no decision, request or completion (kept as text):');
	for (const s of dl.asText) console.warn(`  - ${s}`);
}
if (warnings.length) {
	console.warn('\nwarnings:');
	for (const w of warnings) console.warn(`  - ${w}`);
}
