import { COMMITTEES, type Committee } from '$lib/data/schema';
import { isCommittee } from '$lib/model/views/committee';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => COMMITTEES.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => ({ id: params.id as Committee, known: isCommittee(params.id) });
