import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDataDoc } from './data-doc';
import { recognise } from './recognise';

const recogniseTable = (file: string, header: string[]) => recognise(file, header).table;
import { columnNames, createTableSql, readCsvColumns, TABLE_NAMES, TABLES, templateCsv } from './schema';

describe('the data contract', () => {
	it('names every column once per table and keys only existing columns', () => {
		for (const t of TABLE_NAMES) {
			const names = columnNames(t);
			expect(new Set(names).size, t).toBe(names.length);
			for (const k of TABLES[t].key) expect(names, `${t} key ${k}`).toContain(k);
		}
	});

	it('derives CREATE TABLE, read_csv types and templates from the same columns', () => {
		expect(createTableSql('indicator_values')).toBe(
			'CREATE TABLE IF NOT EXISTS "indicator_values" ("indicator_id" VARCHAR, "iso3" VARCHAR, "year" INTEGER, "value" DOUBLE, "sex" VARCHAR, "age_group" VARCHAR, "source" VARCHAR)'
		);
		expect(readCsvColumns('indicator_values')).toContain("'year': 'INTEGER'");
		expect(templateCsv('indicator_values')).toBe('indicator_id,iso3,year,value,sex,age_group,source\r\n');
	});

	it('keeps docs/DATA.md and the templates in step with the schema (npm run docs:data)', () => {
		expect(fs.readFileSync('docs/DATA.md', 'utf8')).toBe(renderDataDoc());
		for (const t of TABLE_NAMES) expect(fs.readFileSync(`docs/templates/${t}.csv`, 'utf8')).toBe('\uFEFF' + templateCsv(t));
	});

	it('recognises each table from its own full header, and from required columns alone', () => {
		for (const t of TABLE_NAMES) {
			expect(recogniseTable('upload.csv', columnNames(t)), t).toBe(t);
			const required = TABLES[t].columns.filter((c) => c.required).map((c) => c.name);
			expect(recogniseTable(`${t}.csv`, required), `${t} (required only, named)`).toBe(t);
		}
		expect(recogniseTable('x.csv', ['Indicator_ID ', 'ISO3', 'year', 'value', 'source'])).toBe('indicator_values');
		expect(recogniseTable('x.csv', ['foo', 'bar'])).toBeNull();
	});
});
