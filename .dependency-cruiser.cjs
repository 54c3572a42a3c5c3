// The layers of docs/ARCHITECTURE.md, checked on every `npm test`: imports point down
// (data → db → model → state → ui), never up, and nothing imports in a circle.
const UI = '^src/(routes|lib/(components|charts|export|i18n|ui))/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'data-is-the-floor',
			comment: 'src/lib/data (the contract, decoders, validation) knows nothing of DuckDB, the model, app state or pages.',
			severity: 'error',
			from: { path: '^src/lib/data/' },
			to: { path: ['^src/lib/(db|model|state|observations)/', UI] }
		},
		{
			name: 'db-below-model',
			comment: 'src/lib/db (the connector and loading) knows nothing of the model, app state or pages.',
			severity: 'error',
			from: { path: '^src/lib/db/' },
			to: { path: ['^src/lib/(model|state|observations)/', UI] }
		},
		{
			name: 'model-below-ui',
			comment: 'src/lib/model answers questions with codes and numbers; words, colours and pages sit above it.',
			severity: 'error',
			from: { path: '^src/lib/model/' },
			to: { path: ['^src/lib/(state|observations)/', UI] }
		},
		{
			name: 'state-below-ui',
			comment: 'src/lib/state (the app-wide engine, loaded data, URL) is used by pages and components, never the reverse.',
			severity: 'error',
			from: { path: '^src/lib/state/' },
			to: { path: UI }
		},
		{
			name: 'charts-are-specs',
			comment: 'src/lib/charts holds pure Plot specs (rows, options) → Plot options: no component, page or app state; components draw them (components/Chart.svelte).',
			severity: 'error',
			from: { path: '^src/lib/charts/' },
			to: { path: ['^src/(routes|lib/(components|state|observations|export))/', '\\.svelte$'] }
		},
		{
			name: 'pages-ask-views',
			comment: 'Pages ask the model through state/view.svelte.ts (pageView, ask): no page holds a connector or writes SQL.',
			severity: 'error',
			from: { path: '^src/routes/' },
			to: { path: ['^src/lib/db/', '^src/lib/state/live\\.svelte\\.ts$'] }
		},
		{
			name: 'no-circular',
			severity: 'error',
			from: {},
			to: { circular: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '\\.test\\.ts$' },
		tsConfig: { fileName: 'tsconfig.json' },
		tsPreCompilationDeps: true,
		// tsconfig's paths do not reach imports in .svelte files: the alias resolves $lib there too, or they go unchecked.
		webpackConfig: { fileName: 'scripts/depcruise-resolve.cjs' },
		enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'svelte'], extensions: ['.ts', '.js', '.svelte'] },
		reporterOptions: { text: { highlightFocused: true } }
	}
};
