// The method as a page of the app: docs/METHOD.md rendered to HTML when the site is built (see
// method-html.ts; marked runs here only, never in the reader's browser).
import method from '../../../docs/METHOD.md?raw';
import { methodHtml } from './method-html';
import type { PageServerLoad } from './$types';

export const prerender = true;

export const load: PageServerLoad = () => methodHtml(method);
