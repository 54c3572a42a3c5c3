// The method as a page of the app: docs/METHOD.md rendered to HTML when the site is built (marked runs
// here only, never in the reader's browser). The parts written for developers (between
// <!-- app:hide --> and <!-- /app:hide -->) are left out; "§5.1" becomes a link to its section.
import { Marked, type Tokens } from 'marked';
import method from '../../../docs/METHOD.md?raw';
import type { PageServerLoad } from './$types';

export const prerender = true;

/** "5.1 Pairs and coverage" → "s5-1": the anchor other pages link to (/method#s13). */
export const sectionId = (heading: string) => {
	const n = /^(\d+(?:\.\d+)*)\.?\s/.exec(heading)?.[1];
	return n ? `s${n.replaceAll('.', '-')}` : null;
};

const SECTION_REF = /^§(\d+(?:\.\d+)*)/;

function render(markdown: string): { html: string; toc: { id: string; title: string }[] } {
	const toc: { id: string; title: string }[] = [];
	const marked = new Marked({
		gfm: true,
		extensions: [
			{
				name: 'sectionRef',
				level: 'inline',
				start: (src: string) => src.indexOf('§'),
				tokenizer(src: string) {
					const m = SECTION_REF.exec(src);
					return m ? { type: 'sectionRef', raw: m[0], section: m[1] } : undefined;
				},
				renderer: (token) => `<a href="#s${(token as unknown as { section: string }).section.replaceAll('.', '-')}">§${(token as unknown as { section: string }).section}</a>`
			}
		],
		renderer: {
			heading({ tokens, depth, text }: Tokens.Heading) {
				// The page has its own title (h1, translated); the document's sections start at h2.
				if (depth === 1) return '';
				const id = sectionId(text);
				const inner = this.parser.parseInline(tokens);
				if (id && depth === 2) toc.push({ id, title: text.replace(/`/g, '') });
				return `<h${depth}${id ? ` id="${id}"` : ''}>${inner}</h${depth}>\n`;
			}
		}
	});
	const shown = markdown.replace(/<!--\s*app:hide[\s\S]*?<!--\s*\/app:hide\s*-->/g, '');
	const html = marked.parse(shown, { async: false }) as string;
	return { html, toc };
}

export const load: PageServerLoad = () => render(method);
