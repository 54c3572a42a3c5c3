// A step of `npm run build` (scripts/build.js), after `vite build`: every page listed in
// src/lib/model/views/pages.ts (the list the build wrote, ANSWERED_PAGES_FILE) was prerendered from its first answer (src/hooks.server.ts,
// src/lib/state/answers.server.ts), which it also carries as <script type="application/json" id="oap-view">.
// This checks that each such page has its answer and that none is over the budget (30 KB gzip, issue 11),
// and returns lines for the build log.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ANSWERED_PAGES_FILE, PRERENDERED_ID } from '$lib/state/prerendered';

export const BUDGET_GZIP = 30 * 1024;

// The paths the build answered (src/hooks.server.ts writes them as it computes the answers, from the
// list in src/lib/model/views/pages.ts): the pages that must carry one. None written means none computed.
export { ANSWERED_PAGES_FILE };

/** The file a page path is prerendered to: '/' → index.html, '/actions/21' → actions/21.html. */
export const pageFile = (p: string) => (p === '/' ? 'index.html' : `${p.slice(1)}.html`);

/** The answer block of a page's HTML, or null. */
export function viewBlock(html: string): string | null {
	return new RegExp(`<script type="application/json" id="${PRERENDERED_ID}">[\\s\\S]*?</script>`).exec(html)?.[0] ?? null;
}

/** Check that every page in `answered` (paths) carries its answer in `dir`, within the budget; lines for the build log. */
export function checkViews(dir: string, answered: readonly string[]): string[] {
	if (!answered.includes('/')) throw new Error('the build answered no page (the overview first): was any page prerendered?');
	const missing: string[] = [];
	const sizes: { path: string; gzip: number }[] = [];
	for (const file of answered.map(pageFile)) {
		const html = path.join(dir, file);
		const block = fs.existsSync(html) ? viewBlock(fs.readFileSync(html, 'utf8')) : null;
		if (block === null) missing.push(file);
		else sizes.push({ path: file, gzip: zlib.gzipSync(block).length });
	}
	if (missing.length) throw new Error(`pages without their prerendered answer: ${missing.join(', ')}`);
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
