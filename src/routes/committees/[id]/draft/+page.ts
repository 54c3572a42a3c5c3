export { entries, load } from '../+page';
