import { localDay } from '$lib/data/day';
import { isDemonstrationSource } from '$lib/model/sources';
import type { FrameLabels, PlainRow } from './types';

/** Any of the sources (each may list several, separated by "; ") is demonstration data. */
export function isDemonstration(sources: readonly string[]): boolean {
	return sources.some((s) => s.split(/;\s*/).some(isDemonstrationSource));
}

/** The date the data describe: the one the chart states, else the latest `year` among its rows. */
export function dataDateOf(rows: readonly PlainRow[], stated?: string): string | null {
	if (stated) return stated;
	let latest = -Infinity;
	for (const r of rows) if (typeof r.year === 'number' && r.year > latest) latest = r.year;
	return Number.isFinite(latest) ? String(latest) : null;
}

export interface FooterText {
	/** "Source: A; B" */
	sources: string;
	/** "Data up to 2024 · Exported 2025-03-01 · Oslo Action Plan progress" */
	meta: string;
	/** "Demonstration data" when a source is demonstration data, else null. */
	demo: string | null;
}

function fill(template: string, date: string): string {
	return template.replace('{date}', date);
}

/** The footer every exported image carries (the title and subtitle head the image). */
export function footerText(input: { sources: readonly string[]; dataDate: string | null; exportedOn: Date; labels: FrameLabels }): FooterText {
	const { labels } = input;
	const named = input.sources.map((s) => s.trim()).filter((s, i, a) => s && a.indexOf(s) === i);
	const meta = [
		input.dataDate ? fill(labels.dataUpTo, input.dataDate) : null,
		fill(labels.exported, localDay(input.exportedOn)),
		labels.appName
	].filter(Boolean);
	return {
		sources: `${labels.source}: ${named.length ? named.join('; ') : labels.noSource}`,
		meta: meta.join(' · '),
		demo: isDemonstration(input.sources) ? labels.demo : null
	};
}

/** The footer as one line of plain text (slide footers and speaker notes). */
export function footerLine(f: FooterText): string {
	return [f.demo, f.sources, f.meta].filter(Boolean).join(' · ');
}
