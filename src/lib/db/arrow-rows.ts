import { type Table, Type } from 'apache-arrow';
import type { Row } from './connector';

const DAY_MS = 86_400_000;

function isoDate(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	const ms = v instanceof Date ? v.getTime() : Number(v);
	return new Date(Math.round(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Arrow → plain objects the UI can use without knowing Arrow (BigInt and dates converted once here). */
export function arrowToRows<T = Row>(table: Table): T[] {
	const fields = table.schema.fields;
	const convert = fields.map((f) => {
		const id = f.type.typeId;
		if (id === Type.Int || id === Type.Decimal) {
			return (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
		}
		if (id === Type.Date || id === Type.Timestamp) return isoDate;
		return null;
	});
	const columns = fields.map((f) => table.getChild(f.name));
	const out: T[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: Row = {};
		for (let j = 0; j < fields.length; j++) {
			const raw = columns[j]?.get(i) ?? null;
			const fn = convert[j];
			row[fields[j].name] = fn && raw !== null ? fn(raw) : raw;
		}
		out[i] = row as T;
	}
	return out;
}
