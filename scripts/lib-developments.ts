/**
 * What the reference says happened to a deadline after its end-2024 facts (`developments_2025`, and the
 * extension requests the 2024 intersessional programme lists), turned into columns the status on a date
 * can be computed from: the request and its decision, new extensions with a date, and the date the row's
 * facts are known to (as_of). Only phrasings read word for word are turned into facts; any other text
 * stays text. No date is guessed: a decision whose date or outcome is not stated stays "not in the data".
 */
import { join } from './lib-io.ts';
import type { RefRow } from './lib-io.ts';
import type { Parsed } from './lib-deadlines.ts';

/** The reference describes deadlines "at the end of 2024" (SOURCES.md §3). */
export const REFERENCE_AS_OF = '2024-12-31';

/** First and last day of each meeting in meetings.csv. */
export type MeetingDays = Map<string, { start: string; end: string; year: number }>;

export function meetingDays(meetings: RefRow[]): MeetingDays {
	const days: MeetingDays = new Map();
	for (const m of meetings)
		if (m.start_date) days.set(m.code, { start: m.start_date, end: m.end_date || m.start_date, year: Number(m.start_date.slice(0, 4)) });
	return days;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "7 Jul 2025", "1 March 2030" → "2025-07-07"; anything else → ''. */
export function isoDate(text: string): string {
	const m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(text.trim());
	const month = m ? MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) : -1;
	return m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}` : '';
}

/** A source people can cite: the primary documents first, then the addresses the facts were read at. */
export function primaryFirst(primary: string[], addresses: string): string {
	return join([...primary, addresses]);
}

export interface Request {
	meeting: string;
	knownFrom: string;
	requested: string;
	decision: 'granted' | 'not_decided' | 'not_in_data';
}

export interface Developments {
	/** The deadline in force on asOf; '' when the data do not have it. */
	currentDeadline: string;
	asOf: string;
	/** Extensions granted after the end-2024 count (with or without a known date). */
	laterExtensions: number;
	newExtensions: { meeting: string; year: number; deadline: string; note: string; primary: string }[];
	request: Request | null;
	/** What the row's facts rest on, in words (decisions, programme, report), before the addresses. */
	primary: string;
	/** developments_2025 holds text that states no decision, request or completion. */
	keptAsText: boolean;
}

const MEETING = '(\\d+(?:MSP|RC))';
const GRANTED_WITH_DATE = new RegExp(`request granted at ${MEETING} \\([A-Z][a-z]+ (\\d{4})\\): new deadline (\\d{4}-\\d{2}-\\d{2})`);
const CONSIDERED = new RegExp(`^Deadline (\\d{1,2} [A-Za-z]+ \\d{4}) after the request .* considered at the ${MEETING}`);
const GRANTED_NO_DATE = new RegExp(`presented at ${MEETING}\\b[^;]*; \\1 approved [^;]*; exact new date not retrieved`);
const SUBMITTED = /[Rr]equest submitted (\d{1,2} [A-Za-z]+ \d{4})(?: \(revised (\d{1,2} [A-Za-z]+ \d{4})\))? for (?:a new deadline of )?(\d{4}-\d{2}-\d{2})/;
const NOT_DECIDED = new RegExp(`^Request not decided at ${MEETING}`);
const COMPLETED_IN = /completed clearance, in (\d{4})/;
const PROGRAMME_REQUEST = /extension request to (\w+) \((\d{4})\)/;

export function developmentsOf(r: RefRow, parsed: Parsed[], meetings: MeetingDays, warn: (m: string) => void): Developments {
	const text = r.developments_2025;
	const out: Developments = {
		currentDeadline: r.current_deadline_end2024,
		asOf: REFERENCE_AS_OF,
		laterExtensions: 0,
		newExtensions: [],
		request: null,
		primary: '',
		keptAsText: false
	};
	const primary: string[] = [];
	const days = (code: string) => {
		const d = meetings.get(code);
		if (!d) throw new Error(`developments: ${r.iso3} names ${code}, which has no dates in meetings.csv`);
		return d;
	};

	// The 2024 intersessional programme lists the requests made to the 5RC (ISU meeting documents, 003).
	const listed = PROGRAMME_REQUEST.exec(r.in_2024_programme_group);
	if (listed) {
		const meeting = listed[1];
		const grantedWithDate = parsed.some((p) => p.code === meeting);
		const grantedNoDate = new RegExp(`${meeting} \\(\\d{4}\\) granted`).test(r.extension_history);
		out.request = {
			meeting,
			knownFrom: days('IM2024').start,
			requested: '',
			decision: grantedWithDate || grantedNoDate ? 'granted' : 'not_in_data'
		};
		primary.push(`Extension request to the ${meeting}: programme of the 2024 intersessional meetings (ISU)`);
		if (grantedNoDate) primary.push(`Request granted by the ${meeting}; new deadline not in the sources read`);
		// The decision is not known: the facts are known up to the day the meeting opened.
		if (out.request.decision === 'not_in_data') {
			out.asOf = days(meeting).start;
			primary.push(`Decision of the ${meeting} not in the sources read`);
		}
	}

	let m: RegExpExecArray | null;
	if ((m = GRANTED_WITH_DATE.exec(text))) {
		const [, meeting, year, deadline] = m;
		const d = days(meeting);
		out.newExtensions.push({ meeting, year: Number(year), deadline, note: '', primary: `Extension granted by the ${meeting} (${year})` });
		out.laterExtensions += 1;
		out.request = { meeting, knownFrom: d.start, requested: '', decision: 'granted' };
		out.currentDeadline = deadline;
		out.asOf = d.end;
	} else if ((m = CONSIDERED.exec(text))) {
		const [, date, meeting] = m;
		const deadline = isoDate(date);
		if (!parsed.some((p) => p.code === meeting && p.deadline === deadline))
			warn(`developments: ${r.iso3} states ${deadline} after the ${meeting}, which the extension history does not`);
	} else if ((m = GRANTED_NO_DATE.exec(text))) {
		const meeting = m[1];
		const d = days(meeting);
		out.laterExtensions += 1;
		out.request = { meeting, knownFrom: d.start, requested: '', decision: 'granted' };
		// Granted, but to a date the sources read do not give: the deadline in force after it is not known.
		out.currentDeadline = '';
		out.asOf = d.end;
		primary.push(`Request granted by the ${meeting} (${d.year}); new deadline not in the sources read`);
	} else if ((m = SUBMITTED.exec(text))) {
		const [, submitted, revised, requested] = m;
		out.request = { meeting: '', knownFrom: isoDate(submitted), requested, decision: 'not_in_data' };
		out.asOf = isoDate(revised ?? submitted);
		primary.push(`Extension request submitted ${isoDate(submitted)}${revised ? `, revised ${isoDate(revised)}` : ''}; decision not in the sources read`);
	} else if ((m = NOT_DECIDED.exec(text))) {
		const meeting = m[1];
		const d = days(meeting);
		out.request = { meeting, knownFrom: d.start, requested: '', decision: 'not_decided' };
		out.asOf = d.end;
		primary.push(`Request not decided at the ${meeting} (${d.year})`);
	} else if ((m = COMPLETED_IN.exec(text))) {
		primary.push(`Completion in ${m[1]}: Landmine Monitor ${m[1]}, as reported in the press`);
	} else if (text) {
		out.keptAsText = true;
	}

	primary.unshift(currentBasis(r, parsed, out));
	if (r.original_deadline && out.currentDeadline !== r.original_deadline) primary.push('Original deadline: entry into force + 10 years (Article 5.1)');
	out.primary = join(primary);
	return out;
}

/** The decision the deadline in force rests on, in words. */
function currentBasis(r: RefRow, parsed: Parsed[], d: Developments): string {
	const current = d.currentDeadline;
	if (!current && r.status_end2024 === 'completed') return `Completion declared: ${r.completion_declared}`;
	if (!current) return 'Deadline in force not in the sources read';
	const later = d.newExtensions.find((x) => x.deadline === current);
	if (later) return `Deadline in force: extension granted by the ${later.meeting} (${later.year})`;
	const granted = [...parsed].reverse().find((p) => p.deadline === current);
	if (granted) return `Deadline in force: extension granted by the ${granted.code} (${granted.year})`;
	if (current === r.original_deadline) return 'Deadline: entry into force + 10 years (Article 5.1)';
	return 'Deadline in force as stated in the sources read (granting meeting not stated)';
}
