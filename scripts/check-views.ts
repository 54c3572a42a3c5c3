// A step of `npm run build` (scripts/build.js), after `vite build`: every page listed in
// src/lib/model/views/pages.ts was prerendered from its first answer (src/hooks.server.ts,
// src/lib/state/answers.server.ts), which it also carries as <script type="application/json" id="oap-view">.
// This checks that each such page has its answer and that none is over the budget (30 KB gzip, issue 11),
// and returns lines for the build log.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PRERENDERED_ID } from '$lib/state/prerendered';

export const BUDGET_GZIP = 30 * 1024;

/** The pages that must carry an answer: the overview, the lists, each action, State and committee. */
const ANSWERED = /^(index|midterm|countries|committees|actions\/\d+|countries\/[A-Z]{3}|committees\/(?!draft)[^/]+)\.html$/;

/** The answer block of a page's HTML, or null. */
export function viewBlock(html: string): string | null {
	return new RegExp(`<script type="application/json" id="${PRERENDERED_ID}">[\\s\\S]*?</script>`).exec(html)?.[0] ?? null;
}

/** Check every prerendered page in `dir` that should carry an answer; lines for the build log. */
export function checkViews(dir: string): string[] {
	const pages = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => ANSWERED.test(f));
	const missing: string[] = [];
	const sizes: { path: string; gzip: number }[] = [];
	for (const file of pages) {
		const block = viewBlock(fs.readFileSync(path.join(dir, file), 'utf8'));
		if (block === null) missing.push(file);
		else sizes.push({ path: file, gzip: zlib.gzipSync(block).length });
	}
	if (missing.length || !sizes.some((s) => s.path === 'index.html')) throw new Error(`pages without their prerendered answer: ${missing.join(', ') || 'index.html'}`);
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	const sorted = [...sizes].sort((a, b) => b.gzip - a.gzip);
	const over = sorted.filter((s) => s.gzip > BUDGET_GZIP);
	if (over.length) throw new Error(`answers over the budget of ${kb(BUDGET_GZIP)} gzip: ${over.map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')}`);
	const byKind = new Map<string, number[]>();
	for (const s of sizes) {
		const parts = s.path.replace(/\.html$/, '').split('/');
		const kind = parts.length > 1 ? `/${parts[0]}/…` : `/${parts[0] === 'index' ? '' : parts[0]}`;
		byKind.set(kind, [...(byKind.get(kind) ?? []), s.gzip]);
	}
	return [
		...[...byKind].map(([kind, list]) => `  ${kind.padEnd(16)} ${String(list.length).padStart(4)} page(s), answer ${kb(Math.min(...list))}–${kb(Math.max(...list))} gzip`),
		`  largest: ${sorted.slice(0, 3).map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')} (budget ${kb(BUDGET_GZIP)})`
	];
}
