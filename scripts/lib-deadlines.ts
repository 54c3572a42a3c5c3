/**
 * article5_deadlines.csv (+ the Article 4 facts in SOURCES.md §3 / indicator_figures.csv)
 * → deadlines, extensions and the sourced part of state_obligations.
 * Each deadline row says the date its facts are known to (as_of); the 2025 developments that state a
 * decision or a request become structured columns and extension rows (lib-developments.ts).
 */
import { join, yearOf } from './lib-io.ts';
import type { RefRow, Row } from './lib-io.ts';
import { developmentsOf, primaryFirst, type MeetingDays } from './lib-developments.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

/** "12MSP (2012) -> 2023-03-01", "2RC Cartagena (2009) -> …", "19MSP (2021) granted extension -> …". */
const ENTRY_RE = new RegExp(
	`^(\\d+(?:MSP|RC))((?: [A-Z][a-z]+)*) \\((?:${MONTH} )?(\\d{4})(?:, ([^)]*))?\\)([a-z ]*)-> (\\d{4}-\\d{2}-\\d{2})$`
);
/** The reference also writes one entry as "2022 (20MSP) -> 2026-12-31" (Thailand): same facts, swapped. */
const SWAPPED_RE = /^(\d{4}) \((\d+(?:MSP|RC))\) -> (\d{4}-\d{2}-\d{2})$/;

export interface Parsed {
	index: number;
	code: string;
	year: number;
	deadline: string;
	note: string;
}

function parseEntry(entry: string, index: number): Parsed | null {
	const m = ENTRY_RE.exec(entry);
	if (m) {
		const note = join([m[2].trim(), m[4], m[5].trim()], ', ');
		return { index, code: m[1], year: Number(m[3]), deadline: m[6], note };
	}
	const s = SWAPPED_RE.exec(entry);
	if (s) return { index, code: s[2], year: Number(s[1]), deadline: s[3], note: '' };
	return null;
}

export interface DeadlineTables {
	deadlines: Row[];
	extensions: Row[];
	obligations: Row[];
	skipped: string[];
	/** developments_2025 texts that state no decision, request or completion: kept as text only. */
	asText: string[];
}

/** LM 2021 "Major Findings" row of indicator_figures.csv holding a State's stockpile figure. */
function stockpileFigure(figures: RefRow[], metric: string): RefRow | undefined {
	return figures.find((f) => f.metric === metric);
}

export function buildDeadlines(
	art5: RefRow[],
	figures: RefRow[],
	eifByIso: Map<string, string>,
	meetings: MeetingDays,
	warn: (m: string) => void
): DeadlineTables {
	const deadlines: Row[] = [];
	const extensions: Row[] = [];
	const obligations: Row[] = [];
	const skipped: string[] = [];
	const asText: string[] = [];

	for (const r of art5) {
		const completionIsDate = DATE_RE.test(r.completion_declared);
		const rawStatus = r.status_end2024;
		// Keep the schema's short vocabulary; the qualifier moves to notes word for word.
		const status = rawStatus.startsWith('ongoing') ? 'ongoing' : rawStatus;

		// --- extensions ---
		const entries = r.extension_history ? r.extension_history.split(';').map((e) => e.trim()).filter(Boolean) : [];
		const parsed: Parsed[] = [];
		entries.forEach((e, i) => {
			const p = parseEntry(e, i);
			if (p) parsed.push(p);
			else skipped.push(`${r.iso3}: ${e}`);
		});
		const dev = developmentsOf(r, parsed, meetings, warn);
		if (dev.keptAsText) asText.push(`${r.iso3}: ${r.developments_2025}`);
		const confirmed = r.extensions_confirmed_to_end2024 === '' ? null : Number(r.extensions_confirmed_to_end2024);
		deadlines.push({
			iso3: r.iso3,
			article: 5,
			original_deadline: r.original_deadline,
			current_deadline: dev.currentDeadline,
			extensions: confirmed === null ? null : confirmed + dev.laterExtensions,
			status,
			completion_declared: completionIsDate ? r.completion_declared : '',
			completion_year: completionIsDate ? null : yearOf(r.completion_declared),
			programme_group: r.in_2024_programme_group,
			request_meeting: dev.request?.meeting ?? '',
			request_known_from: dev.request?.knownFrom ?? '',
			requested_deadline: dev.request?.requested ?? '',
			request_decision: dev.request?.decision ?? '',
			as_of: dev.asOf,
			developments_2025: r.developments_2025,
			notes: join([
				status !== rawStatus ? `Status at end 2024: ${rawStatus}.` : '',
				r.completion_declared && !completionIsDate ? `Completion declared: ${r.completion_declared}.` : '',
				r.notes
			], ' '),
			source: primaryFirst([dev.primary], r.sources)
		});
		const total = r.extensions_confirmed_to_end2024 === '' ? null : Number(r.extensions_confirmed_to_end2024);
		const last = parsed[parsed.length - 1];
		if (last && r.current_deadline_end2024 && last.deadline !== r.current_deadline_end2024) {
			warn(`extensions: ${r.iso3} last parsed deadline ${last.deadline} ≠ current_deadline_end2024 ${r.current_deadline_end2024}`);
		}
		let prev = 0;
		parsed.forEach((p, k) => {
			// "1 for the first extension": counting from the front is exact while nothing before the entry
			// was skipped; counting back from the confirmed total is exact while nothing after it was
			// skipped and the history ends at the current deadline. Otherwise the ordinal is unknown.
			const noneSkippedBefore = p.index === k;
			const noneSkippedAfter =
				entries.length - p.index === parsed.length - k && last.deadline === r.current_deadline_end2024;
			let seq: number;
			let note = p.note;
			if (noneSkippedBefore) seq = k + 1;
			else if (noneSkippedAfter && total !== null) seq = total - (parsed.length - 1 - k);
			else {
				seq = prev + 1;
				note = join([note, 'ordinal not established: earlier history entries are not itemised']);
			}
			if (seq <= prev) throw new Error(`extensions: ${r.iso3} sequence not increasing at ${p.code}`);
			prev = seq;
			extensions.push({
				iso3: r.iso3,
				article: 5,
				sequence: seq,
				granted_at: p.code,
				granted_year: p.year,
				new_deadline: p.deadline,
				note,
				source: primaryFirst([`Extension granted by the ${p.code} (${p.year})`], r.sources)
			});
		});
		// A decision with a date stated after 2024 (e.g. the 22MSP) continues the numbering.
		for (const x of dev.newExtensions) {
			prev += 1;
			extensions.push({ iso3: r.iso3, article: 5, sequence: prev, granted_at: x.meeting, granted_year: x.year, new_deadline: x.deadline, note: x.note, source: primaryFirst([x.primary], r.sources) });
		}

		// --- obligations: from EIF (not before 1999) to declared completion; re-opened obligations start again ---
		const eifYear = Math.max(1999, yearOf(r.entry_into_force) ?? yearOf(eifByIso.get(r.iso3) ?? '') ?? 1999);
		const completion = /^(\d{4})/.exec(r.completion_declared);
		const reopened = /re-opened (\d{4})/.exec(r.completion_declared);
		const done = completion && (rawStatus === 'completed' || r.completion_declared);
		obligations.push({
			iso3: r.iso3,
			obligation: 'article5',
			from_year: eifYear,
			to_year: done ? Number(completion[1]) : null,
			source: r.sources
		});
		if (reopened) {
			obligations.push({
				iso3: r.iso3,
				obligation: 'article5',
				from_year: Number(reopened[1]),
				to_year: null,
				source: join([`obligation re-opened in ${reopened[1]}`, r.sources])
			});
		}
	}

	// --- Article 4: only Greece and Ukraine, the two missed deadlines the reference records (SOURCES.md §3) ---
	const art4 = [
		{ iso3: 'GRC', metric: 'stockpile_remaining_to_destroy_greece' },
		{ iso3: 'UKR', metric: 'stockpile_remaining_to_destroy_ukraine' }
	];
	for (const { iso3, metric } of art4) {
		const fig = stockpileFigure(figures, metric);
		const m = fig ? /deadline (\d{1,2}) (\w{3})\w* (\d{4})/.exec(fig.qualifier) : null;
		const deadline = m ? isoFromDayMonthYear(m[1], m[2], m[3]) : '';
		const source = join([
			'ISU 2024 intersessional programme (ISU meeting documents): Article 4 deadline missed',
			fig ? fig.source : ''
		]);
		deadlines.push({
			iso3,
			article: 4,
			original_deadline: deadline,
			// Article 4 has no extension procedure, so the deadline is still the original one.
			current_deadline: deadline,
			extensions: null,
			status: 'missed',
			programme_group: 'Article 4 deadline missed (2024 intersessional programme)',
			// Known missed from the programme of the 2024 intersessional meetings, not later.
			as_of: meetings.get('IM2024')?.start ?? '',
			notes: join([
				fig ? `Stockpile remaining to destroy in ${fig.year}: ${thousands(fig.value)} mines; Landmine Monitor qualifier: ${fig.qualifier}.` : '',
				'Article 4 has no extension procedure, so current_deadline repeats the original deadline.'
			], ' '),
			source
		});
		obligations.push({
			iso3,
			obligation: 'article4',
			from_year: Math.max(1999, yearOf(eifByIso.get(iso3) ?? '') ?? 1999),
			to_year: null,
			source
		});
	}
	return { deadlines, extensions, obligations, skipped, asText };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function isoFromDayMonthYear(d: string, mon: string, y: string): string {
	const mi = MONTHS.indexOf(mon.slice(0, 3));
	if (mi < 0) return '';
	return `${y}-${String(mi + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** 3300000 → "3,300,000" without depending on the ICU locale data of the machine. */
function thousands(v: string): string {
	return v.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
