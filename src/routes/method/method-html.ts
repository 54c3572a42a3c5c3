// docs/METHOD.md as the method page's HTML: the parts written for developers (between
// <!-- app:hide --> and <!-- /app:hide -->) left out, "§5.1" a link to its section, each numbered
// heading an anchor other pages link to (/method#s13). Build time only.
import { Marked, type Tokens } from 'marked';

/** "5.1 Pairs and coverage" → "s5-1": the anchor other pages link to (/method#s13). */
export const sectionId = (heading: string) => {
	const n = /^(\d+(?:\.\d+)*)\.?\s/.exec(heading)?.[1];
	return n ? `s${n.replaceAll('.', '-')}` : null;
};

const SECTION_REF = /^§(\d+(?:\.\d+)*)/;

export function methodHtml(markdown: string): { html: string; toc: { id: string; title: string }[] } {
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
	// A table wider than a phone scrolls in its own box, which the keyboard can reach.
	const html = (marked.parse(shown, { async: false }) as string).replaceAll('<table>', '<div class="wide" tabindex="0" role="region" aria-label="Table"><table>').replaceAll('</table>', '</table></div>');
	return { html, toc };
}

