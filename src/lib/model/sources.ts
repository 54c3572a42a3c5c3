/**
 * Sources as people cite them: the documents a fact rests on (meeting, decision, report) first, the
 * addresses they were read at second. A `source` cell lists both, separated by "; ".
 */

/** The value `source` has on generated rows in the data contract (schema.ts). */
export const DEMONSTRATION = 'demonstration';

export function isDemonstrationSource(source: string | null | undefined): boolean {
	return (source ?? '').trim().toLowerCase() === DEMONSTRATION;
}

const ADDRESS = /^(https?:\/\/|www\.)\S+$/i;

export interface Citation {
	/** Documents, decisions, reports, in the order given; never an address. */
	documents: string[];
	/** Web addresses the facts were retrieved from. */
	addresses: string[];
}

/** Splits one or more source cells into documents and addresses, each once, in order of appearance. */
export function cite(...sources: (string | null | undefined)[]): Citation {
	const documents: string[] = [];
	const addresses: string[] = [];
	for (const source of sources)
		for (const part of (source ?? '').split(/;\s+|;$/)) {
			const p = part.trim().replace(/;$/, '');
			if (!p) continue;
			const list = ADDRESS.test(p) ? addresses : documents;
			if (!list.includes(p)) list.push(p);
		}
	return { documents, addresses };
}

/** The shortest honest citation of a source: its first document, or its first address when it names none. */
export function shortCitation(source: string | null | undefined): string {
	const c = cite(source);
	return c.documents[0] ?? c.addresses[0] ?? '';
}
