import type { PageLoad } from './$types';

export { entries } from '../+page';
export const load: PageLoad = ({ params }) => ({ iso3: params.iso3.toUpperCase() });
