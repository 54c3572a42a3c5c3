/**
 * Facts and flags as sentences a committee member can paste into an observation: the sentence in the
 * reader's language (naming the State, the date or year, the values), then either the demonstration
 * mark (the values are not a State's report) or a short citation of its source. The text itself carries
 * the label, so every export of the observation (Word, Markdown, CSV, JSON) does too.
 */
import { t, type MessageKey } from '$lib/i18n/locale.svelte';
import type { Fact } from '$lib/model/facts';
import type { Flag } from '$lib/model/flags';
import { shortCitation } from '$lib/model/sources';
import { stateName } from '$lib/i18n/names';
import { tDates } from '../dates';

/** A sentence followed by its source: the demonstration mark, or "(source: …)". */
export function cited(sentence: string, source: string, demo: boolean): string {
	if (demo) return `${sentence} ${t('fact.demoMark')}`;
	const c = shortCitation(source);
	return c ? `${sentence} ${t('fact.cite', { source: c })}` : sentence;
}

/** The State in the reader's language: the model names it as the data do (in English). */
function named<P extends Record<string, string | number>>(params: P, iso3: string | undefined): P {
	return iso3 && typeof params.state === 'string' ? { ...params, state: stateName(iso3, params.state) } : params;
}

export function factSentence(f: Fact, iso3?: string): string {
	const params = named(f.key === 'fact.valueYesNo' ? { ...f.params, value: t(f.params.value === 'yes' ? 'country.yes' : 'country.no') } : f.params, iso3);
	return cited(tDates(f.key, params), f.source, f.demo);
}

export function flagSentence(f: Flag, iso3?: string): string {
	const params: Record<string, string | number> = named({ ...f.params }, iso3);
	if (typeof params.status === 'string') params.status = t(`status.projection.${params.status}` as MessageKey);
	if (f.items.length) params.list = f.items.map((i) => t('flag.item', { label: i.label, value: i.value })).join('; ');
	let sentence = tDates(`flag.text.${f.sentence}` as MessageKey, params);
	if (f.sentence.startsWith('extension_request') && params.requested) sentence += ' ' + tDates('request.requested', { date: params.requested });
	return cited(sentence, f.source, f.demo);
}
