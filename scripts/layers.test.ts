// The layer rules (.dependency-cruiser.cjs) fail on a wrong import: a copy of the rules on a small tree
// that breaks them, in .ts and in .svelte files (whose $lib imports scripts/depcruise-resolve.cjs resolves).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-layers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(tmp, 't-'));
	fs.mkdirSync(path.join(dir, 'scripts'));
	fs.copyFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
	fs.copyFileSync(path.join(ROOT, 'scripts/depcruise-resolve.cjs'), path.join(dir, 'scripts/depcruise-resolve.cjs'));
	fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '$lib/*': ['src/lib/*'] } } }));
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	return dir;
}

function cruise(dir: string): { status: number | null; out: string } {
	const bin = path.join(ROOT, 'node_modules/.bin/depcruise');
	const r = spawnSync(bin, ['src', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8' });
	return { status: r.status, out: r.stdout + r.stderr };
}

describe('the layer rules', () => {
	it('pass on imports that point down', () => {
		const dir = tree({
			'src/lib/data/schema.ts': 'export const A = 1;\n',
			'src/lib/model/plan.ts': "import { A } from '../data/schema';\nexport const B = A;\n",
			'src/routes/+page.svelte': "<script lang=\"ts\">\n\timport { B } from '$lib/model/plan';\n</script>\n<p>{B}</p>\n"
		});
		const r = cruise(dir);
		expect(r.out).toMatch(/no dependency violations/);
		expect(r.status).toBe(0);
	});

	it('fail on the data layer importing the model, and a page importing the engine (.svelte)', () => {
		const dir = tree({
			'src/lib/model/plan.ts': 'export const B = 1;\n',
			'src/lib/data/schema.ts': "import { B } from '../model/plan';\nexport const A = B;\n",
			'src/lib/db/node.ts': 'export const C = 1;\n',
			'src/routes/+page.svelte': "<script lang=\"ts\">\n\timport { C } from '$lib/db/node';\n</script>\n<p>{C}</p>\n"
		});
		const r = cruise(dir);
		expect(r.status).not.toBe(0);
		expect(r.out).toMatch(/data-is-the-floor: src\/lib\/data\/schema\.ts → src\/lib\/model\/plan\.ts/);
		expect(r.out).toMatch(/pages-ask-views: src\/routes\/\+page\.svelte → src\/lib\/db\/node\.ts/);
	});

	it('fail on a chart spec importing a component', () => {
		const dir = tree({
			'src/lib/components/Chart.svelte': '<p>chart</p>\n',
			'src/lib/charts/spec.ts': "import Chart from '$lib/components/Chart.svelte';\nexport const S = Chart;\n"
		});
		const r = cruise(dir);
		expect(r.status).not.toBe(0);
		expect(r.out).toMatch(/charts-are-specs: src\/lib\/charts\/spec\.ts → src\/lib\/components\/Chart\.svelte/);
	});
});
