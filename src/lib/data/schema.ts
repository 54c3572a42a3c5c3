/**
 * The data contract: every table the dashboard reads, defined once.
 * Validation, CREATE TABLE, the CSV templates and docs/DATA.md are all derived from this file.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface Column {
	name: string;
	type: ColumnType;
	/** A value must be present (empty is never zero). */
	required?: boolean;
	/** Allowed values (after trimming); empty is allowed when not required. */
	values?: readonly string[];
	/** Must name an existing row of another table: `table.column`. */
	references?: `${TableName}.${string}`;
	/** Inclusive numeric range, for INTEGER and DOUBLE. */
	min?: number;
	max?: number;
	/** A format the text must have: `iso3` = three capital letters A–Z. */
	pattern?: keyof typeof PATTERNS;
	/** This column's value may not be earlier (or smaller) than that column's in the same row. */
	notBefore?: string;
	/**
	 * The value is in a unit whose rules apply (percent 0–100, yes/no 0 or 1, areas and counts ≥ 0):
	 * the unit is the row's own `column`, or, with `via`, the unit of the row of `via` that `column` names.
	 */
	unit?: { column: string; via?: TableName };
	/** Where the row comes from; optional in a loaded file, where empty means "<file name>, loaded <date>". */
	provenance?: boolean;
	description: string;
}

/** Formats a text column can be held to (regular expressions matched against the whole value). */
export const PATTERNS = { iso3: '[A-Z]{3}' } as const;

export interface TableDef {
	name: TableName;
	description: string;
	columns: readonly Column[];
	/** Columns whose combination is unique in the table. */
	key: readonly string[];
	/** Loaded from user files? (reference-only tables may still be replaced) */
	userLoadable: boolean;
}

export const TABLE_NAMES = [
	'states',
	'state_obligations',
	'actions',
	'indicators',
	'indicator_values',
	'deadlines',
	'extensions',
	'meetings',
	'committee_members',
	'published_figures',
	'preliminary_observations'
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const SECTIONS = [
	'best_practices',
	'universalization',
	'stockpile_destruction',
	'survey_clearance',
	'risk_education',
	'victim_assistance',
	'cooperation_assistance',
	'compliance'
] as const;
export type Section = (typeof SECTIONS)[number];

export const COMMITTEES = [
	'president',
	'article5',
	'victim_assistance',
	'cooperation_assistance',
	'cooperative_compliance'
] as const;
export type Committee = (typeof COMMITTEES)[number];

/** Groups of States an indicator can concern; `all` = every State Party. */
export const APPLIES_TO = ['all', 'article5', 'article4', 'article3', 'victims'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];
export const OBLIGATIONS = ['article5', 'article4', 'article3', 'victims'] as const;

/**
 * What an indicator is used for beyond its own action: the Article 5 completion projection and the
 * country profile read the indicator with that role, whatever its id.
 */
export const INDICATOR_ROLES = [
	'remaining_area',
	'area_released',
	'article7_submitted',
	'article7_on_time',
	'casualties',
	'stockpile_remaining',
	'retained_mines',
	'retained_used'
] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

/** UN M49 regions, as the `region` column of `states` holds them. */
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export const POLARITIES = ['higher_is_better', 'lower_is_better'] as const;
export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const TITLE_KINDS = ['paraphrase', 'official'] as const;
export const REQUEST_DECISIONS = ['granted', 'not_decided', 'not_in_data'] as const;
/** A committee's assessment of a State's progress on one action (preliminary observations). */
export const ASSESSMENTS = ['progress', 'concern', 'information_requested', 'no_assessment'] as const;
export const OBSERVATION_STATUSES = ['draft', 'agreed'] as const;

export type Obligation = (typeof OBLIGATIONS)[number];
export type Region = (typeof REGIONS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Sex = (typeof SEXES)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type TitleKind = (typeof TITLE_KINDS)[number];
export type Assessment = (typeof ASSESSMENTS)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

const source = {
	name: 'source',
	type: 'VARCHAR',
	provenance: true,
	description:
		"Where the row comes from (document and address), or 'demonstration' for generated data. Optional in a loaded file: when the column is missing or a cell is empty, the row's source is the file name and the day it was loaded."
} as const satisfies Column;

/** The tables with their literal types kept, so row types are derived from them (`Row<'states'>`). */
const DEFS = {
	states: {
		name: 'states',
		description:
			'Every State Party and State not party. Being a party is a matter of date: a State is a party on a day when entry_into_force ≤ day < withdrawal_effective.',
		key: ['iso3'],
		userLoadable: true,
		columns: [
			{ name: 'iso3', type: 'VARCHAR', required: true, pattern: 'iso3', description: 'ISO 3166-1 alpha-3 code.' },
			{ name: 'name', type: 'VARCHAR', required: true, description: 'Short name in English.' },
			{ name: 'name_fr', type: 'VARCHAR', description: 'Common name in French (not UN terminology).' },
			{ name: 'name_es', type: 'VARCHAR', description: 'Common name in Spanish (not UN terminology).' },
			{ name: 'name_ru', type: 'VARCHAR', description: 'Common name in Russian (not UN terminology).' },
			{ name: 'name_ar', type: 'VARCHAR', description: 'Common name in Arabic (not UN terminology).' },
			{ name: 'region', type: 'VARCHAR', required: true, values: REGIONS, description: 'UN M49 region.' },
			{ name: 'subregion', type: 'VARCHAR', description: 'UN M49 sub-region.' },
			{ name: 'entry_into_force', type: 'DATE', description: 'Date the Convention entered into force for the State; empty for States not party.' },
			{ name: 'withdrawal_notified', type: 'DATE', notBefore: 'entry_into_force', description: 'Date a withdrawal was notified, if any.' },
			{ name: 'withdrawal_effective', type: 'DATE', notBefore: 'withdrawal_notified', description: 'Date a withdrawal took effect, if any.' },
			{ name: 'note', type: 'VARCHAR', description: 'Status note (e.g. a purported suspension).' },
			source
		]
	},
	state_obligations: {
		name: 'state_obligations',
		description:
			'Which States an indicator concerns beyond "all": States with Article 5 (clearance), Article 4 (stockpile), Article 3 (retained mines) obligations, or with mine victims, by year range.',
		key: ['iso3', 'obligation', 'from_year'],
		userLoadable: true,
		columns: [
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'The State.' },
			{ name: 'obligation', type: 'VARCHAR', required: true, values: OBLIGATIONS, description: 'The group.' },
			{ name: 'from_year', type: 'INTEGER', required: true, min: 1997, max: 2100, description: 'First year the State is in the group.' },
			{ name: 'to_year', type: 'INTEGER', min: 1997, max: 2100, notBefore: 'from_year', description: 'Last year in the group; empty while it lasts.' },
			source
		]
	},
	actions: {
		name: 'actions',
		description: 'The Oslo Action Plan actions. Titles only where a source ties content to the number.',
		key: ['plan', 'action'],
		userLoadable: true,
		columns: [
			{ name: 'plan', type: 'VARCHAR', required: true, values: ['OAP'], description: "The action plan ('OAP', 2020–2024)." },
			{ name: 'action', type: 'INTEGER', required: true, min: 1, max: 50, description: 'Action number.' },
			{ name: 'section', type: 'VARCHAR', required: true, values: SECTIONS, description: 'OAP section code.' },
			{ name: 'section_title', type: 'VARCHAR', required: true, description: 'OAP section heading (English).' },
			{ name: 'committee', type: 'VARCHAR', required: true, values: COMMITTEES, description: 'Committee (or the President) that follows the action.' },
			{ name: 'title', type: 'VARCHAR', description: 'Short paraphrase, empty where no source ties content to the number. Never the OAP wording.' },
			{ name: 'title_confidence', type: 'VARCHAR', description: 'high / medium / low.' },
			{ name: 'title_kind', type: 'VARCHAR', values: TITLE_KINDS, description: "paraphrase (a short summary, never the Plan's wording; empty means paraphrase) or official (the Plan's own wording, which the row's source must name)." },
			source
		]
	},
	indicators: {
		name: 'indicators',
		description: 'Indicator definitions, each tied to one action.',
		key: ['indicator_id'],
		userLoadable: true,
		columns: [
			{ name: 'indicator_id', type: 'VARCHAR', required: true, description: 'Stable identifier, e.g. A21.1.' },
			{ name: 'action', type: 'INTEGER', required: true, min: 1, max: 50, description: 'The action it measures.' },
			{ name: 'label', type: 'VARCHAR', required: true, description: 'What is measured (English).' },
			{ name: 'unit', type: 'VARCHAR', required: true, description: 'Any unit. Known ones are formatted and translated: yes_no (1/0), percent, count, persons, m2, ha, km2 and currency codes (usd, eur, …); others are shown as written.' },
			{ name: 'polarity', type: 'VARCHAR', required: true, values: POLARITIES, description: 'Which direction is progress.' },
			{ name: 'applies_to', type: 'VARCHAR', required: true, values: APPLIES_TO, description: 'Which States it concerns (the denominator).' },
			{ name: 'target', type: 'DOUBLE', unit: { column: 'unit' }, description: 'Value that counts as met (≥ for higher_is_better, ≤ for lower_is_better); empty = trend only.' },
			{ name: 'disaggregated', type: 'BOOLEAN', description: 'Values come by sex and age group as well as in total.' },
			{ name: 'role', type: 'VARCHAR', values: INDICATOR_ROLES, description: 'Use beyond its action (e.g. remaining_area feeds the Article 5 completion projection); at most one indicator per role.' },
			source
		]
	},
	indicator_values: {
		name: 'indicator_values',
		description:
			'One value per indicator, State, year and (optional) sex and age group. The total has sex and age_group empty.',
		key: ['indicator_id', 'iso3', 'year', 'sex', 'age_group'],
		userLoadable: true,
		columns: [
			{ name: 'indicator_id', type: 'VARCHAR', required: true, references: 'indicators.indicator_id', description: 'The indicator.' },
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'The State.' },
			{ name: 'year', type: 'INTEGER', required: true, min: 1997, max: 2100, description: 'The calendar year the value describes.' },
			{ name: 'value', type: 'DOUBLE', required: true, unit: { column: 'indicator_id', via: 'indicators' }, description: 'The value, in the indicator’s unit.' },
			{ name: 'sex', type: 'VARCHAR', values: SEXES, description: 'female / male / unknown; empty when not disaggregated.' },
			{ name: 'age_group', type: 'VARCHAR', values: AGE_GROUPS, description: 'child / adult / unknown; empty when not disaggregated.' },
			source
		]
	},
	deadlines: {
		name: 'deadlines',
		description:
			'Article 5 (clearance) and Article 4 (stockpile) deadlines per State, each row as of its own date (as_of). The status on any date is computed from this row, its extensions and the meetings’ dates (the method, §15).',
		key: ['iso3', 'article'],
		userLoadable: true,
		columns: [
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'The State.' },
			{ name: 'article', type: 'INTEGER', required: true, values: ['4', '5'], description: 'Article 4 or 5.' },
			{ name: 'original_deadline', type: 'DATE', description: 'Deadline before any extension.' },
			{ name: 'current_deadline', type: 'DATE', notBefore: 'original_deadline', description: 'The deadline in force on the as_of date; empty when the data do not have it.' },
			{ name: 'extensions', type: 'INTEGER', min: 0, description: 'Extensions confirmed; empty when uncertain.' },
			{ name: 'status', type: 'VARCHAR', description: 'ongoing / completed / unclear / missed (end of 2024).' },
			{ name: 'completion_declared', type: 'DATE', description: 'Date completion was declared, if any.' },
			{ name: 'completion_year', type: 'INTEGER', min: 1997, max: 2100, description: 'Year completion was declared or reported when only the year is known (it is shown as a year, never as a day).' },
			{ name: 'programme_group', type: 'VARCHAR', description: 'Group in the 2024 intersessional programme, if any.' },
			{ name: 'request_meeting', type: 'VARCHAR', description: "Meeting that was to decide the State's latest extension request (e.g. 5RC, 22MSP); empty when not stated." },
			{ name: 'request_known_from', type: 'DATE', description: 'First date the data show that request: its submission, or the date of the document that lists it.' },
			{ name: 'requested_deadline', type: 'DATE', description: 'New deadline the request asked for, if stated.' },
			{ name: 'request_decision', type: 'VARCHAR', values: REQUEST_DECISIONS, description: 'granted (the new deadline is an extensions row, or unknown when none), not_decided (the meeting took no decision), not_in_data (the decision is not in the data).' },
			{ name: 'as_of', type: 'DATE', description: 'The date the facts of the row were last known. After it the dashboard states what was last known and never that a deadline passed; empty = not stated, treated the same way for every date.' },
			{ name: 'developments_2025', type: 'VARCHAR', description: 'What happened after 2024, as written in the source.' },
			{ name: 'notes', type: 'VARCHAR', description: 'Caveats.' },
			source
		]
	},
	extensions: {
		name: 'extensions',
		description: 'Each extension of a deadline, with the meeting that granted it.',
		key: ['iso3', 'article', 'sequence'],
		userLoadable: true,
		columns: [
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'The State.' },
			{ name: 'article', type: 'INTEGER', required: true, values: ['4', '5'], description: 'Article 4 or 5.' },
			{ name: 'sequence', type: 'INTEGER', required: true, min: 1, description: '1 for the first extension, and so on.' },
			{ name: 'granted_at', type: 'VARCHAR', description: 'Meeting code that granted it (e.g. 12MSP).' },
			{ name: 'granted_year', type: 'INTEGER', description: 'Year of that meeting.' },
			{ name: 'new_deadline', type: 'DATE', description: 'Deadline after the extension.' },
			{ name: 'note', type: 'VARCHAR', description: 'E.g. interim, two-year.' },
			source
		]
	},
	meetings: {
		name: 'meetings',
		description: 'Meetings of the States Parties, Review Conferences and intersessional meetings.',
		key: ['code'],
		userLoadable: true,
		columns: [
			{ name: 'code', type: 'VARCHAR', required: true, description: 'E.g. IM2024, 21MSP, 5RC.' },
			{ name: 'type', type: 'VARCHAR', required: true, description: 'intersessional / meeting_of_states_parties / review_conference.' },
			{ name: 'start_date', type: 'DATE', description: 'First day.' },
			{ name: 'end_date', type: 'DATE', notBefore: 'start_date', description: 'Last day.' },
			{ name: 'city', type: 'VARCHAR', description: 'City.' },
			{ name: 'president', type: 'VARCHAR', description: 'President of the meeting cycle.' },
			{ name: 'president_iso3', type: 'VARCHAR', pattern: 'iso3', description: 'State of the President.' },
			{ name: 'notes', type: 'VARCHAR', description: 'Caveats.' },
			source
		]
	},
	committee_members: {
		name: 'committee_members',
		description: 'Members of each committee by year (partial for 2022–2025).',
		key: ['year', 'committee', 'iso3'],
		userLoadable: true,
		columns: [
			{ name: 'year', type: 'INTEGER', required: true, min: 1997, max: 2100, description: 'Year.' },
			{ name: 'committee', type: 'VARCHAR', required: true, values: COMMITTEES, description: 'Committee.' },
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'Member State.' },
			{ name: 'role', type: 'VARCHAR', description: 'chair / member.' },
			{ name: 'basis', type: 'VARCHAR', description: 'direct / ISU meeting documents / by mandate / inferred.' },
			source
		]
	},
	published_figures: {
		name: 'published_figures',
		description: 'Aggregate figures as published (Landmine Monitor, ISU). Qualifiers keep the source’s hedges.',
		key: ['metric', 'year', 'source'],
		userLoadable: true,
		columns: [
			{ name: 'metric', type: 'VARCHAR', required: true, description: 'What the figure counts.' },
			{ name: 'year', type: 'INTEGER', required: true, description: 'Year the figure refers to.' },
			{ name: 'value', type: 'DOUBLE', required: true, unit: { column: 'unit' }, description: 'The figure.' },
			{ name: 'unit', type: 'VARCHAR', description: 'Unit.' },
			{ name: 'qualifier', type: 'VARCHAR', description: '“at least”, “as of …”, conflicts.' },
			source
		]
	},
	preliminary_observations: {
		name: 'preliminary_observations',
		description: 'The committees’ preliminary observations: one per State, committee, meeting and action (empty action = general).',
		key: ['meeting', 'committee', 'iso3', 'action'],
		userLoadable: true,
		columns: [
			{ name: 'meeting', type: 'VARCHAR', required: true, description: 'Meeting code, e.g. IM2024.' },
			{ name: 'committee', type: 'VARCHAR', required: true, values: COMMITTEES, description: 'Committee.' },
			{ name: 'iso3', type: 'VARCHAR', required: true, references: 'states.iso3', pattern: 'iso3', description: 'The State.' },
			{ name: 'action', type: 'INTEGER', min: 1, max: 50, description: 'Action assessed; empty for the general text.' },
			{ name: 'assessment', type: 'VARCHAR', values: ASSESSMENTS, description: 'Assessment of the action.' },
			{ name: 'status', type: 'VARCHAR', required: true, values: OBSERVATION_STATUSES, description: 'draft / agreed.' },
			{ name: 'text', type: 'VARCHAR', description: 'The observation.' },
			{ name: 'updated_at', type: 'VARCHAR', description: 'ISO timestamp of the last change.' },
			{ name: 'author', type: 'VARCHAR', description: 'Who wrote it.' }
		]
	}
} as const satisfies Record<TableName, TableDef>;

export const TABLES: Record<TableName, TableDef> = DEFS;

/** A column's value as DuckDB hands it to the app: dates as 'YYYY-MM-DD', allowed values as their union. */
type ValueOf<C extends Column> = C['type'] extends 'VARCHAR'
	? C extends { values: readonly (infer V extends string)[] }
		? V
		: string
	: C['type'] extends 'INTEGER' | 'DOUBLE'
		? number
		: C['type'] extends 'DATE'
			? string
			: boolean;
/** Empty is null, except in required columns and in `source`, which the loader always fills. */
type CellOf<C extends Column> = C extends { required: true } | { provenance: true } ? ValueOf<C> : ValueOf<C> | null;

/** One row of a table, derived from its columns: the one definition every row type in the app starts from. */
export type Row<T extends TableName> = { [C in (typeof DEFS)[T]['columns'][number] as C['name']]: CellOf<C> };

export function columnNames(table: TableName): string[] {
	return TABLES[table].columns.map((c) => c.name);
}

/** DuckDB type used when creating the table (BOOLEAN and INTEGER map as is). */
export function createTableSql(table: TableName, name: string = table): string {
	const def = TABLES[table];
	const cols = def.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
	return `CREATE TABLE IF NOT EXISTS "${name}" (${cols})`;
}

/** A CSV template: the header row plus one commented example row is left to docs; only the header here. */
export function templateCsv(table: TableName): string {
	return columnNames(table).join(',') + '\r\n';
}

/** DuckDB read_csv `columns={...}` argument for the table, so CSV types never depend on sniffing. */
export function readCsvColumns(table: TableName): string {
	return '{' + TABLES[table].columns.map((c) => `'${c.name}': '${c.type}'`).join(', ') + '}';
}
