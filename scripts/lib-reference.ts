/**
 * Reference CSVs (../shared/reference) → states, actions, meetings, committee_members, published_figures.
 * Facts are copied as found; only the shape changes. See data/SOURCES.md.
 */
import { COMMITTEES, SECTIONS } from '../src/lib/data/schema.ts';
import { join } from './lib-io.ts';
import type { RefRow, Row } from './lib-io.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

// Each row's `source` is read by committee members beside the facts: it cites, in words; how the
// copies were obtained (GitHub mirrors, the names' dataset) is told in data/SOURCES.md.
const REGION_SRC = 'regions: UN M49 standard (United Nations Statistics Division)';
/** SOURCES.md §2: these deposits postdate the UNTC capture and were read in ICBL/ISU/Landmine Monitor news. */
const NON_UNTC_DEPOSIT = new Set(['OMN', 'LKA', 'PSE', 'MHL', 'TON']);

/** Spells out the short source labels used in eif_basis (SOURCES.md §2). */
function eifSource(basis: string): string {
	if (basis.startsWith('derived')) {
		return 'entry into force: derived from the deposit date by the rule of Article 17 (the first day of the sixth month after the month of deposit)';
	}
	const expanded = basis.replace(
		'verdragenbank 008170',
		'Dutch treaty database https://verdragenbank.overheid.nl/nl/Verdrag/Details/008170_p.html'
	);
	return `entry into force ${expanded}`;
}

export function buildStates(parties: RefRow[], notParty: RefRow[], warn: (m: string) => void): Row[] {
	const rows: Row[] = [];
	const partyIso = new Set(parties.map((p) => p.iso3));
	const notPartyByIso = new Map(notParty.map((n) => [n.iso3, n]));
	for (const p of parties) {
		let eif = p.entry_into_force;
		let note = p.status_note || notPartyByIso.get(p.iso3)?.note_2025 || '';
		let eifSrc = eifSource(p.eif_basis);
		if (!DATE_RE.test(eif)) {
			// Montenegro: the reference has the year only (succession, 2006). The State was certainly a
			// party by the date its succession notification was deposited, so that date is used as an
			// upper bound and flagged, rather than inventing a day.
			if (DATE_RE.test(p.deposit_date) && yearOf4(p.deposit_date) === eif) {
				note = join([note, `Entry into force: year ${eif} only in the sources (${p.eif_basis}); the date shown is the deposit of the notification of succession (${p.deposit_date}), a latest-possible date`]);
				eifSrc = 'entry into force: the sources give the year only; the date shown is the deposit of the notification of succession, the latest possible date';
				eif = p.deposit_date;
				warn(`states: ${p.iso3} entry_into_force '${p.entry_into_force}' is not a date; used deposit date ${eif} (flagged in note)`);
			} else {
				warn(`states: ${p.iso3} entry_into_force '${p.entry_into_force}' is not a date; left empty`);
				eif = '';
			}
		}
		const withdrawal = p.withdrawal_notified || p.status_note ? 'withdrawal or status: the sources the note names' : '';
		rows.push({
			iso3: p.iso3,
			name: p.name_en,
			name_fr: p.name_fr,
			name_es: p.name_es,
			name_ru: p.name_ru,
			name_ar: p.name_ar,
			region: p.region,
			subregion: p.subregion,
			entry_into_force: eif,
			withdrawal_notified: p.withdrawal_notified,
			withdrawal_effective: p.withdrawal_effective,
			note,
			source: join([
				NON_UNTC_DEPOSIT.has(p.iso3)
					? 'deposit: ICBL news, ISU press releases and Landmine Monitor'
					: 'deposit: UN Treaty Collection, chapter XXVI-5',
				eifSrc,
				REGION_SRC,
				withdrawal
			])
		});
	}
	for (const n of notParty) {
		if (partyIso.has(n.iso3)) continue; // MHL, TON: parties since 2025, kept once as parties
		rows.push({
			iso3: n.iso3,
			name: n.name_en,
			region: n.region,
			entry_into_force: '',
			note: n.note_2025,
			source: 'United Nations membership less the States Parties, matching the count of 33 by the ISU and Landmine Monitor'
		});
	}
	return rows.sort((a, b) => String(a.iso3).localeCompare(String(b.iso3)));
}

function yearOf4(date: string): string {
	return date.slice(0, 4);
}

/** The reference already uses the schema codes; anything else fails loudly rather than being guessed. */
const SECTION_ALIASES: Record<string, string> = {
	best_practice: 'best_practices',
	universalisation: 'universalization',
	stockpile_destruction_retention: 'stockpile_destruction',
	survey_and_clearance: 'survey_clearance',
	mine_risk_education: 'risk_education',
	international_cooperation: 'cooperation_assistance',
	cooperation: 'cooperation_assistance',
	measures_to_ensure_compliance: 'compliance'
};
const COMMITTEE_ALIASES: Record<string, string> = {
	compliance: 'cooperative_compliance',
	cooperation: 'cooperation_assistance',
	va: 'victim_assistance'
};

function mapCode(value: string, allowed: readonly string[], aliases: Record<string, string>, what: string): string {
	if (allowed.includes(value)) return value;
	const mapped = aliases[value];
	if (mapped && allowed.includes(mapped)) return mapped;
	throw new Error(`Unknown ${what} '${value}' in the reference; add a mapping in scripts/lib-reference.ts`);
}

/**
 * Titles are the reference's own paraphrases (never the Plan's wording): title_kind says so. An action
 * without a title cites only what ties its section and committee to the number.
 */
export function buildActions(actions: RefRow[]): Row[] {
	return actions.map((a) => ({
		plan: 'OAP',
		action: Number(a.action),
		section: mapCode(a.section_code, SECTIONS, SECTION_ALIASES, 'section_code'),
		section_title: a.section_title,
		committee: mapCode(a.committee, COMMITTEES, COMMITTEE_ALIASES, 'committee'),
		title: a.short_title,
		title_confidence: a.short_title ? a.short_title_confidence : '',
		title_kind: a.short_title ? 'paraphrase' : '',
		source: join([a.short_title ? `Title (paraphrase): ${a.short_title_basis}` : '', `Section and committee: ${a.section_basis}`])
	}));
}

/** The ISU meeting documents (../shared/meeting-documents) that rows marked "seed" in the reference come from. */
const MEETING_DOCUMENTS = {
	invitation2022:
		'Invitation from the President of the 20MSP to the 2022 intersessional meetings, 20–22 June 2022, WIPO Geneva (letter of 26 April 2022, Russian and Arabic versions; ISU meeting documents)',
	cooperation21MSP:
		'21MSP (Geneva, 20–24 November 2023), provisional agenda item 10(c): conclusions and recommendations of the Committee on the Enhancement of Cooperation and Assistance, activities and priorities 2023–2024 — Thailand (chair), Algeria, Netherlands, Japan (Arabic; ISU meeting documents)'
} as const;

export function buildMeetings(meetings: RefRow[], warn: (m: string) => void): Row[] {
	return meetings.map((m) => {
		let source = m.sources;
		// One reference row carries a placeholder instead of a source; its own note names the ISU letter.
		if (source === 'seed' || !source) {
			if (m.code !== 'IM2022') throw new Error(`meetings: ${m.code} has source '${m.sources}' and no meeting document is known for it`);
			source = MEETING_DOCUMENTS.invitation2022;
		}
		return {
			code: m.code,
			type: m.type,
			start_date: m.start_date,
			end_date: m.end_date,
			city: m.city,
			president: m.president_name,
			president_iso3: m.president_country_iso3,
			// The schema has no venue column; keep the venue/format in the notes rather than drop it.
			notes: join([m.venue_or_format ? `Venue/format: ${m.venue_or_format}.` : '', m.notes], ' '),
			source
		};
	});
}

export function buildCommitteeMembers(rows: RefRow[]): Row[] {
	return rows.map((r) => ({
		year: Number(r.year),
		committee: mapCode(r.committee, COMMITTEES, COMMITTEE_ALIASES, 'committee'),
		iso3: r.member_iso3,
		role: r.role,
		// The schema has no term column; the term is kept inside basis. The "letter" of two seed rows is
		// the 21MSP conclusions document that seedSource names.
		basis: join([r.source === 'seed' && r.basis === 'ISU meeting letter' ? 'ISU meeting documents' : r.basis, r.term ? `term ${r.term}` : '']),
		source: r.source === 'seed' ? seedSource(r) : r.source
	}));
}

/**
 * The reference marks four cooperation-committee rows (2022–2023) "seed": their basis names the 21MSP
 * conclusions of that committee or an ISU letter. Of the meeting documents, only the 21MSP conclusions
 * (document 004) name the committee's members (Thailand chair, Algeria, Netherlands, Japan).
 */
function seedSource(r: RefRow): string {
	if (r.committee === 'cooperation_assistance' && ['THA', 'NLD'].includes(r.member_iso3) && ['2022', '2023'].includes(r.year))
		return MEETING_DOCUMENTS.cooperation21MSP;
	throw new Error(`committee_members: ${r.year} ${r.committee} ${r.member_iso3} has source 'seed' and no meeting document is known for it`);
}

export function buildPublishedFigures(rows: RefRow[]): Row[] {
	return rows.map((r) => ({
		metric: r.metric,
		year: Number(r.year),
		value: Number(r.value),
		unit: r.unit,
		qualifier: r.qualifier,
		source: r.source
	}));
}
