/**
 * A fact as inserted into a preliminary observation: the sentence in the reader's language, then either
 * the demonstration mark (the values are not a State's report) or a short citation of its source. The
 * text itself carries the label, so every export of the observation (Word, Markdown, CSV, JSON) does too.
 */
import { t } from '$lib/i18n/locale.svelte';
import type { Fact } from '$lib/model/facts';
import { shortCitation } from '$lib/model/sources';
import { tDates } from '../dates';

export function factSentence(f: Fact): string {
	const sentence = tDates(f.key, f.params);
	if (f.demo) return `${sentence} ${t('fact.demoMark')}`;
	const cited = shortCitation(f.source);
	return cited ? `${sentence} ${t('fact.cite', { source: cited })}` : sentence;
}
