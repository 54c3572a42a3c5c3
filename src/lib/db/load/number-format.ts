/**
 * Decimal comma or decimal point, decided once per file from what it holds, and said in the report.
 * The stage is first built reading numbers with a decimal point; the numbers that did not read tell:
 * "12,5" means a decimal comma (the stage is rebuilt that way), "1,234,567" or "1,234.5" mean comma
 * thousands (those cells are converted in place). A file that writes both is rejected, and so is a
 * lone "1,234" (1234 or 1.234?) when nothing else in the file tells which.
 */
import type { ProblemGroup } from '$lib/data/problems';
import { ident, type Connector } from '../connector';
import { GROUPED_NUMBER, COMMA_NUMBER, isTextType, textNumber, INT32_MAX, INT32_MIN, SPACES, trimSql } from './convert';
import { mappedColumns, raw, stageView, type Source, type StagePlan } from './stage';

/** What the report says about numbers, when the file wrote any with separators. */
export interface NumberFormat {
	decimal: '.' | ',';
	/** A thousands separator was seen (and removed). */
	thousands: boolean;
	column: string;
	row: number;
	text: string;
}

export type NumberDecision =
	| { kind: 'none' }
	| { kind: 'point'; format: NumberFormat | null; update: string | null }
	| { kind: 'comma'; format: NumberFormat }
	| { kind: 'rejected'; problems: ProblemGroup[] };

const AMBIGUOUS = '[+-]?\\d{1,3},\\d{3}';

interface Evidence {
	column: string;
	comma: number;
	commaRow: number | null;
	commaText: string | null;
	grouped: number;
	groupedRow: number | null;
	groupedText: string | null;
	ambiguous: number;
	ambiguousRows: string | null;
	ambiguousText: string | null;
	fractions: number;
	fractionRow: number | null;
	fractionValue: number | null;
}

export async function decideNumbers(conn: Connector, file: string, stage: string, source: Source, plan: StagePlan): Promise<NumberDecision> {
	const rows = ident(stageView(stage));
	const numeric = mappedColumns(source, plan).filter((m) => m.src && isTextType(m.src.type) && (m.col.type === 'DOUBLE' || m.col.type === 'INTEGER'));
	if (numeric.length === 0) return { kind: 'none' };
	// The usual case: every number read with a decimal point. Then only the statement's example is sought
	// (the first number with a fraction), which stops at the first such row.
	const [{ failing }] = await conn.query<{ failing: boolean }>(
		`SELECT EXISTS (SELECT 1 FROM ${ident(stage)} WHERE ${numeric.map(({ col }) => `${raw(col.name)} IS NOT NULL`).join(' OR ')}) AS failing`
	);
	if (!failing) {
		const firsts = await conn.query<{ column: string; row: number; value: number }>(
			numeric
				.map(({ col }) => `(SELECT '${col.name}' AS "column", __row AS row, ${ident(col.name)} AS value FROM ${rows} WHERE ${ident(col.name)} <> trunc(${ident(col.name)}) LIMIT 1)`)
				.join(' UNION ALL ')
		);
		const f = firsts.sort((a, b) => a.row - b.row)[0];
		return f ? { kind: 'point', format: { decimal: '.', thousands: false, column: f.column, row: f.row, text: String(f.value) }, update: null } : { kind: 'none' };
	}
	const parts = numeric.map(({ col }) => {
		const r = `${trimSql(raw(col.name))}`;
		const comma = `regexp_full_match(${r}, '${COMMA_NUMBER}') AND contains(${r}, ',') AND NOT regexp_full_match(${r}, '${AMBIGUOUS}')`;
		const grouped = `regexp_full_match(${r}, '${GROUPED_NUMBER}') AND NOT regexp_full_match(${r}, '${AMBIGUOUS}')`;
		const amb = `regexp_full_match(${r}, '${AMBIGUOUS}')`;
		const v = ident(col.name);
		return `SELECT '${col.name}' AS "column",
			count_if(${comma})::BIGINT AS comma, min(__row) FILTER (WHERE ${comma}) AS "commaRow", arg_min(${r}, __row) FILTER (WHERE ${comma}) AS "commaText",
			count_if(${grouped})::BIGINT AS grouped, min(__row) FILTER (WHERE ${grouped}) AS "groupedRow", arg_min(${r}, __row) FILTER (WHERE ${grouped}) AS "groupedText",
			count_if(${amb})::BIGINT AS ambiguous, array_to_string(min(__row, 5) FILTER (WHERE ${amb}), ',') AS "ambiguousRows", arg_min(${r}, __row) FILTER (WHERE ${amb}) AS "ambiguousText",
			count_if(${v} <> trunc(${v}))::BIGINT AS fractions, min(__row) FILTER (WHERE ${v} <> trunc(${v})) AS "fractionRow", arg_min(${v}, __row) FILTER (WHERE ${v} <> trunc(${v})) AS "fractionValue"
			FROM ${rows}`;
	});
	const ev = (await conn.query<Evidence>(parts.join(' UNION ALL '))).map((e) => ({ ...e, comma: Number(e.comma), grouped: Number(e.grouped), ambiguous: Number(e.ambiguous), fractions: Number(e.fractions) }));
	const first = <K extends keyof Evidence>(n: K, row: keyof Evidence) =>
		ev.filter((e) => Number(e[n]) > 0).sort((a, b) => Number(a[row]) - Number(b[row]))[0];
	const comma = first('comma', 'commaRow');
	const grouped = first('grouped', 'groupedRow');
	const ambiguous = first('ambiguous', 'ambiguousRows');
	const fraction = first('fractions', 'fractionRow');

	if (comma && grouped) {
		const problem: ProblemGroup = {
			file,
			column: comma.column,
			rule: 'mixed_separators',
			count: ev.reduce((n, e) => n + e.comma + e.grouped, 0),
			rows: [comma.commaRow!, grouped.groupedRow!].sort((a, b) => a - b),
			example: comma.commaText,
			params: { other: grouped.groupedText ?? '', otherRow: grouped.groupedRow ?? '' }
		};
		return { kind: 'rejected', problems: [problem] };
	}
	if (comma) return { kind: 'comma', format: { decimal: ',', thousands: false, column: comma.column, row: comma.commaRow!, text: comma.commaText! } };
	if (!grouped && !ambiguous) {
		if (!fraction) return { kind: 'none' };
		return { kind: 'point', format: { decimal: '.', thousands: false, column: fraction.column, row: fraction.fractionRow!, text: String(fraction.fractionValue) }, update: null };
	}
	if (ambiguous && !grouped && !fraction && !source.commaDelimited) {
		const problems = ev
			.filter((e) => e.ambiguous > 0)
			.map((e): ProblemGroup => ({ file, column: e.column, rule: 'ambiguous_separator', count: e.ambiguous, rows: (e.ambiguousRows ?? '').split(',').map(Number), example: e.ambiguousText, params: {} }));
		return { kind: 'rejected', problems };
	}
	const shown = grouped ?? ambiguous!;
	const update = numeric
		.map(({ col }) => {
			const cleaned = textNumber(`regexp_replace(${trimSql(raw(col.name))}, '[,${SPACES}]', '', 'g')`, '.');
			const typed = col.type === 'INTEGER' ? `(CASE WHEN ${cleaned} = trunc(${cleaned}) AND ${cleaned} BETWEEN ${INT32_MIN} AND ${INT32_MAX} THEN CAST(${cleaned} AS INTEGER) END)` : cleaned;
			return `UPDATE ${ident(stage)} SET ${ident(col.name)} = ${typed}, ${raw(col.name)} = NULL WHERE ${raw(col.name)} IS NOT NULL AND regexp_full_match(${trimSql(raw(col.name))}, '${GROUPED_NUMBER}') AND ${typed} IS NOT NULL`;
		})
		.join(';\n');
	return {
		kind: 'point',
		format: { decimal: '.', thousands: true, column: shown.column, row: (grouped ? shown.groupedRow : Number(String(shown.ambiguousRows).split(',')[0]))!, text: (grouped ? shown.groupedText : shown.ambiguousText)! },
		update
	};
}
