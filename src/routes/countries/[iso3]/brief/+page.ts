import type { PageLoad } from './$types';

export { entries } from '../+page';
// Printed from the engine's answer (no prerendered one): drawn only by the app.
export const ssr = false;
export const load: PageLoad = ({ params }) => ({ iso3: params.iso3.toUpperCase() });
