/**
 * Every listed page's first answer (issue 11), computed once while the build prerenders: the same model
 * code the browser runs answers each page's question in Node's DuckDB on the bundled tables — the very
 * file the browser inserts (db/bundled.ts). The page is rendered from its answer (its figures, tables and
 * charts are in the HTML), and the answer goes into the page as <script type="application/json"> (not run:
 * the CSP is untouched) so the browser's first drawing is the same as the document's.
 */
import fs from 'node:fs';
import { insertBundled, unpackBundled } from '$lib/db/bundled';
import { createTables } from '$lib/db/ingest';
import { createNodeConnector } from '$lib/db/node';
import { demonstrationRows } from '$lib/model/tables';
import { prerenderedPages } from '$lib/model/views/pages';
import { sourceOf } from '$lib/model/views/source';
import { PRERENDERED_ID, type Prerendered } from './prerendered';

/** Each page path (without the base path, e.g. '/actions/21') → its answer. */
export async function pageAnswers(tablesFile: string): Promise<Map<string, Prerendered>> {
	const conn = await createNodeConnector();
	try {
		await createTables(conn);
		await insertBundled(conn, unpackBundled(new Uint8Array(fs.readFileSync(tablesFile))));
		const src = sourceOf(conn);
		const demo = await demonstrationRows(conn);
		const answers = new Map<string, Prerendered>();
		for (const p of await prerenderedPages(src)) answers.set(p.path, { name: p.name, params: p.params, view: await p.answer(), demo });
		return answers;
	} finally {
		await conn.close();
	}
}

/** The answer as a JSON data block: `<` escaped so no text in the data can close the element. */
export function viewScript(answer: Prerendered): string {
	const json = JSON.stringify(answer).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
	return `<script type="application/json" id="${PRERENDERED_ID}">${json}</script>`;
}
