/**
 * The contract's rules as SQL over the stage. One pass counts every rule's breaches; only the rules
 * that are broken are asked for their first rows and an example, so a clean 10-million-row file costs
 * one scan and a file with 10,000 bad rows gives one line per column and rule.
 */
import type { ProblemGroup, ProblemRule } from '$lib/data/problems';
import { PATTERNS, TABLES, type Column, type TableName } from '$lib/data/schema';
import { unitKindSql } from '$lib/data/units';
import { ident, literal, type Connector } from '../connector';
import { failureSql } from './convert';
import { keepsRaw, mappedColumns, raw, stageView, type Source, type StagePlan } from './stage';

interface Check {
	column: string | null;
	/** Fixed rule, or null when `classify` names it per row. */
	rule: ProblemRule | null;
	classify?: string;
	/** Condition on the stage row `s`. */
	cond: string;
	/** The value shown as the example. */
	example: string;
	params: Record<string, string | number>;
}

/** The key of the table a unit is read through (a value's indicator): what the unit column references. */
function viaKey(table: TableName, col: Column): string {
	return TABLES[table].columns.find((x) => x.name === col.unit!.column)?.references?.split('.')[1] ?? col.unit!.column;
}

function checksFor(source: Source, plan: StagePlan): Check[] {
	const checks: Check[] = [];
	const c = (name: string) => `s.${ident(name)}`;
	const text = (name: string) => `CAST(${c(name)} AS VARCHAR)`;
	for (const { col, src } of mappedColumns(source, plan)) {
		const v = c(col.name);
		if (src && keepsRaw({ col, src })) checks.push({ column: col.name, rule: null, classify: failureSql(col, src.type, `s.${raw(col.name)}`), cond: `s.${raw(col.name)} IS NOT NULL`, example: `s.${raw(col.name)}`, params: { type: src.type } });
		if (col.required) checks.push({ column: col.name, rule: 'required', cond: `${v} IS NULL${keepsRaw({ col, src }) ? ` AND s.${raw(col.name)} IS NULL` : ''}`, example: 'NULL', params: {} });
		if (!src) continue;
		if (col.values)
			checks.push({ column: col.name, rule: 'not_allowed', cond: `${v} IS NOT NULL AND ${text(col.name)} NOT IN (${col.values.map((x) => literal(x)).join(', ')})`, example: text(col.name), params: { allowed: col.values.join(', ') } });
		if (col.min !== undefined || col.max !== undefined) {
			const out = [col.min !== undefined ? `${v} < ${col.min}` : null, col.max !== undefined ? `${v} > ${col.max}` : null].filter(Boolean).join(' OR ');
			checks.push({ column: col.name, rule: 'out_of_range', cond: `${v} IS NOT NULL AND (${out})`, example: text(col.name), params: { min: col.min ?? '−∞', max: col.max ?? '∞' } });
		}
		if (col.pattern) checks.push({ column: col.name, rule: 'not_iso3', cond: `${v} IS NOT NULL AND NOT regexp_full_match(${v}, '${PATTERNS[col.pattern]}')`, example: v, params: {} });
		if (col.notBefore && plan.mapping.includes(col.notBefore))
			checks.push({ column: col.name, rule: 'before', cond: `${v} < ${c(col.notBefore)}`, example: `${text(col.name)} || ' < ' || ${text(col.notBefore)}`, params: { other: col.notBefore } });
		if (col.unit) {
			// The unit's kind: from the row's own unit column, or (a value) from its indicator. Through a
			// subquery (a hash join), not a list of literals: IN with 100 literals costs ~0.7 s per million rows.
			const via = col.unit.via;
			const kinds = (ks: string[]) => ks.map((k) => literal(k)).join(', ');
			const kindIs = (ks: string[]) =>
				via
					? `${c(col.unit!.column)} IN (SELECT ${ident(viaKey(plan.table, col))} FROM ${ident(via)} WHERE ${unitKindSql(ident('unit'))} IN (${kinds(ks)}))`
					: `${unitKindSql(c(col.unit!.column))} IN (${kinds(ks)})`;
			const ex = via ? text(col.name) : `${text(col.name)} || ' (' || ${c(col.unit.column)} || ')'`;
			// The cheap comparison first: the unit is looked at only for the values that could break it.
			checks.push({ column: col.name, rule: 'percent_range', cond: `(${v} < 0 OR ${v} > 100) AND ${kindIs(['percent'])}`, example: ex, params: {} });
			checks.push({ column: col.name, rule: 'yes_no', cond: `${v} NOT IN (0, 1) AND ${kindIs(['yes_no'])}`, example: ex, params: {} });
			checks.push({ column: col.name, rule: 'negative', cond: `${v} < 0 AND ${kindIs(['count', 'persons', 'area'])}`, example: ex, params: {} });
		}
		if (col.references) {
			const [table, column] = col.references.split('.');
			checks.push({ column: col.name, rule: 'unknown_reference', cond: `${v} IS NOT NULL AND ${v} NOT IN (SELECT ${ident(column)} FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL)`, example: text(col.name), params: { table, refColumn: column } });
		}
	}
	if (source.extra) checks.push({ column: null, rule: 'extra_fields', cond: 's.__extra IS NOT NULL', example: 's.__extra', params: {} });
	return checks;
}

const keyText = (keys: readonly string[], alias: string) => `concat_ws(' / ', ${keys.map((k) => `CAST(${alias}.${ident(k)} AS VARCHAR)`).join(', ')})`;

interface Counted {
	n: number | bigint;
	rows: string | null;
	ex: string | null;
	rule?: string;
}

function group(file: string, column: string | null, rule: ProblemRule, r: Counted, params: Record<string, string | number>): ProblemGroup {
	return { file, column, rule, count: Number(r.n), rows: (r.rows ?? '').split(',').filter(Boolean).map(Number), example: r.ex ?? null, params };
}

/** Every rule the stage breaks, grouped; empty when the file may be loaded. */
export async function checkStage(conn: Connector, file: string, stage: string, source: Source, plan: StagePlan, mode: 'add' | 'replace'): Promise<ProblemGroup[]> {
	const checks = checksFor(source, plan);
	const keys = TABLES[plan.table].key;
	const from = `${ident(stageView(stage))} s`;
	const counts = (
		await conn.query<Record<string, number | bigint>>(
			`SELECT ${[...checks.map((k, i) => `count_if(coalesce(${k.cond}, false))::BIGINT AS p${i}`), `(count(*) - count(DISTINCT hash(${keys.map((k) => `s.${ident(k)}`).join(', ')})))::BIGINT AS dup`].join(', ')} FROM ${from}`
		)
	)[0];
	const problems: ProblemGroup[] = [];
	const detail = `count(*)::BIGINT AS n, array_to_string(min(s.__row, 5), ',') AS rows`;
	for (const [i, k] of checks.entries()) {
		if (!Number(counts[`p${i}`])) continue;
		const ex = `arg_min(CAST(${k.example} AS VARCHAR), s.__row) AS ex`;
		if (k.classify) {
			const rows = await conn.query<Counted>(`SELECT ${k.classify} AS rule, ${detail}, ${ex} FROM ${from} WHERE ${k.cond} GROUP BY 1 ORDER BY min(s.__row)`);
			for (const r of rows) problems.push(group(file, k.column, r.rule as ProblemRule, r, k.params));
		} else {
			const [r] = await conn.query<Counted>(`SELECT ${detail}, ${ex} FROM ${from} WHERE ${k.cond}`);
			problems.push(group(file, k.column, k.rule!, r, k.params));
		}
	}
	if (Number(counts.dup)) {
		const part = keys.map((k) => ident(k)).join(', ');
		const [r] = await conn.query<Counted>(
			`SELECT ${detail}, arg_min(k, s.__row) AS ex FROM (SELECT __row, ${keyText(keys, 't')} AS k, row_number() OVER (PARTITION BY ${part} ORDER BY __row) AS i FROM ${ident(stageView(stage))} t) s WHERE i > 1`
		);
		if (Number(r.n)) problems.push(group(file, keys.join('+'), 'duplicate_in_file', r, { key: keys.join(', ') }));
	}
	if (mode === 'add') {
		const on = keys.map((k) => `s.${ident(k)} IS NOT DISTINCT FROM t.${ident(k)}`).join(' AND ');
		const [r] = await conn.query<Counted>(`SELECT ${detail}, arg_min(${keyText(keys, 's')}, s.__row) AS ex FROM ${ident(stageView(stage))} s SEMI JOIN ${ident(plan.table)} t ON ${on}`);
		if (Number(r.n)) problems.push(group(file, keys.join('+'), 'already_loaded', r, { key: keys.join(', ') }));
	}
	return problems;
}

/** Every breach as one row (row, column, value, rule), for the "download all problems" file. */
export async function allProblems(conn: Connector, stage: string, source: Source, plan: StagePlan, mode: 'add' | 'replace', limit: number): Promise<{ row: number; column: string | null; value: string | null; rule: string }[]> {
	const checks = checksFor(source, plan);
	const parts = checks.map(
		(k) => `SELECT s.__row AS row, ${literal(k.column)} AS "column", CAST(${k.example} AS VARCHAR) AS value, ${k.classify ?? literal(k.rule)} AS rule FROM ${ident(stageView(stage))} s WHERE coalesce(${k.cond}, false)`
	);
	const keys = TABLES[plan.table].key;
	parts.push(
		`SELECT __row AS row, ${literal(keys.join('+'))} AS "column", k AS value, 'duplicate_in_file' AS rule FROM (SELECT __row, ${keyText(keys, 't')} AS k, row_number() OVER (PARTITION BY ${keys.map((k) => ident(k)).join(', ')} ORDER BY __row) AS i FROM ${ident(stageView(stage))} t) WHERE i > 1`
	);
	if (mode === 'add') {
		const on = keys.map((k) => `s.${ident(k)} IS NOT DISTINCT FROM t.${ident(k)}`).join(' AND ');
		parts.push(`SELECT s.__row AS row, ${literal(keys.join('+'))} AS "column", ${keyText(keys, 's')} AS value, 'already_loaded' AS rule FROM ${ident(stageView(stage))} s SEMI JOIN ${ident(plan.table)} t ON ${on}`);
	}
	return conn.query(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY row LIMIT ${limit}`);
}

/** The table names a plan's references read, so files are loaded referenced-first. */
export function referencedTables(table: TableName): TableName[] {
	return TABLES[table].columns.flatMap((c) => (c.references ? [c.references.split('.')[0] as TableName] : []));
}
