/**
 * DEMONSTRATION indicator catalogue. The OAP indicator annex could not be retrieved
 * (reference oap_indicators.csv is header-only), so these are generic measurable descriptions
 * written for the demo — NOT the OAP's indicators or wording. Each is tied to an action only
 * by that action's section and committee (data/SOURCES.md).
 */
import type { AppliesTo } from '../src/lib/data/schema.ts';

/** How values are generated; model kinds read from one coherent per-State series. */
export type Gen =
	| { kind: 'yes_no'; p0: number; p1: number }
	| { kind: 'percent'; lo: number; hi: number; slope: number }
	| { kind: 'count'; lo: number; hi: number; trend: number }
	| { kind: 'persons'; lo: number; hi: number; trend: number; female: [number, number]; child: [number, number] }
	| { kind: 'usd'; share: number; lo: number; hi: number }
	| { kind: 'model'; series: ModelSeries };

export type ModelSeries =
	| 'remaining_km2'
	| 'released_km2'
	| 'cancelled_km2'
	| 'reduced_km2'
	| 'cleared_km2'
	| 'mines_destroyed'
	| 'stock_remaining'
	| 'stock_destroyed'
	| 'retained'
	| 'retained_used';

export interface DemoIndicator {
	id: string;
	label: string;
	unit: 'yes_no' | 'percent' | 'count' | 'persons' | 'km2' | 'usd';
	polarity: 'higher_is_better' | 'lower_is_better';
	applies: AppliesTo;
	target?: number;
	gen: Gen;
}

type Polarity = DemoIndicator['polarity'];
const HI: Polarity = 'higher_is_better';
const LO: Polarity = 'lower_is_better';

/** Shorthands keep the catalogue one line per indicator. */
function yn(id: string, label: string, applies: AppliesTo, p0: number, p1: number, target: number | null = 1): DemoIndicator {
	return { id, label: `${label} (yes/no)`, unit: 'yes_no', polarity: HI, applies, target: target ?? undefined, gen: { kind: 'yes_no', p0, p1 } };
}
function pct(id: string, label: string, applies: AppliesTo, lo: number, hi: number, slope: number, target?: number): DemoIndicator {
	return { id, label: `${label} (%)`, unit: 'percent', polarity: HI, applies, target, gen: { kind: 'percent', lo, hi, slope } };
}
function cnt(id: string, label: string, applies: AppliesTo, lo: number, hi: number, trend: number, pol = HI): DemoIndicator {
	return { id, label, unit: 'count', polarity: pol, applies, gen: { kind: 'count', lo, hi, trend } };
}
function ppl(id: string, label: string, applies: AppliesTo, lo: number, hi: number, trend: number, female: [number, number], child: [number, number], pol = HI): DemoIndicator {
	return { id, label, unit: 'persons', polarity: pol, applies, gen: { kind: 'persons', lo, hi, trend, female, child } };
}
function model(id: string, label: string, unit: 'km2' | 'count', applies: AppliesTo, series: ModelSeries, pol = HI): DemoIndicator {
	return { id, label, unit, polarity: pol, applies, gen: { kind: 'model', series } };
}
function usd(id: string, label: string, applies: AppliesTo, share: number, lo: number, hi: number): DemoIndicator {
	return { id, label: `${label} (USD)`, unit: 'usd', polarity: HI, applies, gen: { kind: 'usd', share, lo, hi } };
}

export const DEMO_INDICATORS: DemoIndicator[] = [
	// 1–10 best practices (President)
	yn('A1.1', 'National authority or focal point for Convention implementation designated', 'all', 0.7, 0.5),
	pct('A1.2', 'Share of implementation costs met from national resources', 'article5', 5, 60, 2),
	yn('A2.1', 'National implementation strategy or plan adopted', 'all', 0.4, 0.4),
	yn('A2.2', 'Implementation milestones published', 'all', 0.3, 0.3),
	yn('A3.1', 'Gender and diversity considered in national implementation plans', 'all', 0.3, 0.5),
	pct('A3.2', 'Women among national mine action personnel', 'article5', 5, 35, 2),
	yn('A4.1', 'Mine action included in national development or humanitarian plans', 'article5', 0.4, 0.4),
	yn('A4.2', 'Implementation progress reviewed with civil society', 'all', 0.3, 0.3, null),
	yn('A5.1', 'Article 7 report submitted by 30 April', 'all', 0.45, 0.3),
	yn('A5.2', 'Article 7 report follows the reporting guide', 'all', 0.3, 0.4),
	yn('A6.1', 'Partnerships with development, humanitarian or human-rights actors reported', 'all', 0.3, 0.3, null),
	yn('A6.2', 'Mine action referred to in Sustainable Development Goal reporting', 'all', 0.2, 0.3, null),
	yn('A7.1', 'National information management system in place', 'article5', 0.6, 0.5),
	yn('A7.2', 'Data disaggregated by sex and age in national reporting', 'all', 0.2, 0.4),
	pct('A8.1', 'Women in delegations to Convention meetings', 'all', 15, 55, 1.5, 50),
	yn('A9.1', 'Took part in the intersessional meetings', 'all', 0.5, 0.2),
	yn('A9.2', 'Took part in the Meeting of the States Parties', 'all', 0.55, 0.2),
	yn('A10.1', 'Mine action national standards reviewed in the last three years', 'article5', 0.4, 0.4),
	yn('A10.2', 'Statement or update delivered at a formal meeting', 'all', 0.4, 0.2, null),
	// 11–12 universalization (President)
	yn('A11.1', 'Voted in favour of the annual UNGA resolution on the Convention', 'all', 0.9, 0.5),
	yn('A11.2', 'Contacts with States not party on joining reported', 'all', 0.15, 0.2, null),
	yn('A12.1', 'Publicly condemned any use of anti-personnel mines', 'all', 0.3, 0.3),
	yn('A12.2', 'Promoted the Convention in regional or international forums', 'all', 0.25, 0.3, null),
	// 13–17 stockpile destruction (Article 4) and retained mines (Article 3) (President)
	model('A13.1', 'Stockpiled anti-personnel mines remaining', 'count', 'article4', 'stock_remaining', LO),
	model('A14.1', 'Stockpiled anti-personnel mines destroyed during the year', 'count', 'article4', 'stock_destroyed'),
	yn('A15.1', 'Time-bound stockpile destruction plan presented', 'article4', 0.5, 0.5),
	yn('A15.2', 'Progress on stockpile destruction reported at each formal meeting', 'article4', 0.5, 0.5),
	model('A16.1', 'Anti-personnel mines retained for permitted purposes', 'count', 'article3', 'retained', LO),
	model('A16.2', 'Retained mines used for training or research during the year', 'count', 'article3', 'retained_used'),
	yn('A17.1', 'Use of retained mines reported for the year', 'article3', 0.5, 0.3),
	yn('A17.2', 'Number of retained mines justified against planned use', 'article3', 0.3, 0.3),
	// 18–27 survey and clearance (Article 5 Committee)
	model('A18.1', 'Remaining mined area (km²)', 'km2', 'article5', 'remaining_km2', LO),
	yn('A18.2', 'Evidence-based baseline of mined areas established', 'article5', 0.4, 0.5),
	yn('A19.1', 'National mine action strategy in place', 'article5', 0.5, 0.5),
	yn('A19.2', 'Expected completion date set in the national strategy', 'article5', 0.5, 0.3),
	pct('A20.1', 'Annual work plan milestones met', 'article5', 30, 90, 2, 80),
	yn('A20.2', 'Work plan with annual milestones submitted', 'article5', 0.5, 0.5),
	model('A21.1', 'Area released during the year (km²)', 'km2', 'article5', 'released_km2'),
	model('A21.2', 'Area cancelled through non-technical survey (km²)', 'km2', 'article5', 'cancelled_km2'),
	model('A21.3', 'Area reduced through technical survey (km²)', 'km2', 'article5', 'reduced_km2'),
	model('A22.1', 'Area cleared during the year (km²)', 'km2', 'article5', 'cleared_km2'),
	model('A22.2', 'Anti-personnel mines destroyed in clearance', 'count', 'article5', 'mines_destroyed'),
	yn('A23.1', 'Costed multi-year work plan in place', 'article5', 0.4, 0.4),
	yn('A24.1', 'Risk education plan included in the clearance work plan', 'article5', 0.3, 0.5),
	yn('A25.1', 'National land release standards in line with IMAS', 'article5', 0.6, 0.5),
	yn('A25.2', 'Quality management of land release in place', 'article5', 0.5, 0.4),
	pct('A26.1', 'Survey and clearance teams that are gender-balanced', 'article5', 0, 40, 3),
	yn('A26.2', 'Affected communities consulted on clearance priorities', 'article5', 0.4, 0.4),
	yn('A27.1', 'Capacity to deal with previously unknown mined areas in place', 'article5', 0.4, 0.4),
	yn('A27.2', 'Improvised mines addressed in national plans', 'article5', 0.2, 0.3, null),
	// 28–32 risk education (Article 5 Committee)
	yn('A28.1', 'Risk education integrated with survey, clearance and victim assistance', 'article5', 0.4, 0.4),
	ppl('A29.1', 'Risk education beneficiaries', 'article5', 500, 400000, 0.08, [0.4, 0.55], [0.35, 0.6]),
	yn('A30.1', 'Risk education tailored to the groups most at risk', 'article5', 0.4, 0.4),
	cnt('A30.2', 'Risk education sessions delivered', 'article5', 20, 20000, 0.05),
	pct('A31.1', 'Affected communities reached by risk education', 'article5', 20, 80, 3, 80),
	yn('A32.1', 'Risk education data reported by sex and age', 'article5', 0.3, 0.5),
	yn('A32.2', 'Emergency risk education capacity in place', 'article5', 0.3, 0.4, null),
	// 33–41 victim assistance (VA Committee)
	yn('A33.1', 'Government focal point for victim assistance designated', 'victims', 0.6, 0.5),
	yn('A34.1', 'National victim assistance or disability action plan in force', 'victims', 0.4, 0.4),
	pct('A34.2', 'Objectives of the national plan met', 'victims', 10, 70, 4),
	cnt('A35.1', 'Ministries taking part in victim assistance coordination', 'victims', 1, 9, 0.05),
	yn('A35.2', 'Referral mechanism between service providers in place', 'victims', 0.4, 0.4),
	ppl('A36.1', 'Mine casualties recorded', 'victims', 2, 1500, -0.05, [0.08, 0.25], [0.2, 0.5], LO),
	yn('A36.2', 'Central database of mine victims in place', 'victims', 0.5, 0.4),
	pct('A37.1', 'Casualties receiving emergency medical care', 'victims', 30, 85, 2, 80),
	cnt('A37.2', 'Health facilities with trauma care in affected areas', 'victims', 1, 60, 0.04),
	pct('A38.1', 'Survivors with access to rehabilitation', 'victims', 15, 75, 3, 80),
	ppl('A38.2', 'Persons receiving physical rehabilitation or assistive devices', 'victims', 20, 15000, 0.05, [0.15, 0.35], [0.1, 0.35]),
	ppl('A39.1', 'Persons receiving psychological or peer support', 'victims', 10, 5000, 0.08, [0.2, 0.45], [0.1, 0.3]),
	pct('A40.1', 'Survivors in employment or income-generating activities', 'victims', 10, 50, 1.5),
	ppl('A40.2', 'Persons supported by socio-economic inclusion services', 'victims', 10, 4000, 0.06, [0.15, 0.4], [0.05, 0.2]),
	yn('A41.1', 'Survivors or their organisations consulted on victim assistance plans', 'victims', 0.4, 0.4),
	yn('A41.2', 'Law protecting the rights of persons with disabilities in force', 'victims', 0.7, 0.4),
	// 42–47 international cooperation and assistance (Cooperation Committee)
	yn('A42.1', 'Provided international assistance for mine action', 'all', 0.2, 0.05, null),
	usd('A42.2', 'Mine action funding provided to other States', 'all', 0.18, 2e5, 2e8),
	yn('A43.1', 'Received international assistance for mine action', 'all', 0.3, 0.05, null),
	usd('A43.2', 'International mine action funding received', 'article5', 0.85, 2e5, 1e8),
	yn('A44.1', 'National mine action coordination platform met during the year', 'article5', 0.4, 0.4),
	yn('A45.1', 'Resource mobilisation plan in place', 'article5', 0.3, 0.4),
	yn('A46.1', 'Shared expertise or lessons learned with other States', 'all', 0.2, 0.2, null),
	cnt('A46.2', 'Regional or South-South cooperation activities', 'all', 0, 12, 0.05),
	yn('A47.1', 'Cooperation and assistance needs communicated to other States', 'article5', 0.5, 0.4),
	yn('A47.2', 'In-kind assistance (equipment, training) provided', 'all', 0.15, 0.05, null),
	// 48–50 measures to ensure compliance (Cooperative Compliance Committee)
	yn('A48.1', 'Article 7 report submitted', 'all', 0.55, 0.3),
	yn('A48.2', 'Article 7 report covers every required form', 'all', 0.4, 0.3),
	yn('A49.1', 'National contact point for compliance matters designated', 'all', 0.4, 0.3),
	yn('A50.1', 'Article 9 national implementation measures in place', 'all', 0.65, 0.3),
	yn('A50.2', 'Penal sanctions for prohibited activities in national law', 'all', 0.55, 0.3),
	yn('A50.3', 'Article 9 measures reported in the Article 7 report', 'all', 0.4, 0.3)
];
