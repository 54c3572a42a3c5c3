import { describe, expect, it } from 'vitest';
import { bundledManifest } from '../../../scripts/data-files-plugin.js';
import { TABLE_NAMES } from '$lib/data/schema';
import { ManifestError, parseManifest } from './deployment';

describe('the deployment manifest (data-files/manifest.json)', () => {
	it('the build lists the bundled files, referenced tables first, header-only files left out', () => {
		const m = bundledManifest('data', TABLE_NAMES);
		expect(m.files.map((f) => f.table)).toEqual(TABLE_NAMES.filter((t) => t !== 'preliminary_observations'));
		expect(parseManifest(m).files[0]).toEqual({ file: 'states.csv', table: 'states', source: undefined, sheet: undefined, headerRow: undefined });
	});

	it('accepts files beside it with an optional table and source; refuses paths that leave the folder and unknown tables', () => {
		expect(parseManifest({ files: [{ file: 'values 2024.parquet', source: 'ISU compilation 2024' }] }).files[0]).toMatchObject({ file: 'values 2024.parquet', source: 'ISU compilation 2024' });
		expect(() => parseManifest({ files: [{ file: '../secret.csv' }] })).toThrow(ManifestError);
		expect(() => parseManifest({ files: [{ file: 'https://elsewhere.example/x.csv' }] })).toThrow(ManifestError);
		expect(() => parseManifest({ files: [{ file: 'x.csv', table: 'users' }] })).toThrow(/unknown table/);
		expect(() => parseManifest({})).toThrow(/files/);
	});
});
