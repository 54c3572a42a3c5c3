// axe-core as the gate uses it: WCAG 2.0–2.2 A/AA rules and best practices, counting only critical and
// serious violations, each said with its rule, its help text and the first nodes it was found on.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
	const builder = new AxeBuilder({ page }).withTags(TAGS);
	const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
	return violations
		.filter((v) => v.impact === 'critical' || v.impact === 'serious')
		.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
