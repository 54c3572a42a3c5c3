// The URL of the bundled tables, checked through the loader at build time (scripts/data-files-plugin.js).
declare module 'virtual:oap-bundled-data' {
	const url: string;
	export default url;
}
