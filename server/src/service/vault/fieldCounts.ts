import type { PageSummary } from '../parse/pageSummary';
import { isEmptyValue, linkValueTarget, valueTypeOf } from './fieldValues';
import { VAULT_MODEL_FIELDS } from './frontmatterSchema';

/** How the pages of one section (or of all sections) use one frontmatter field. */
export interface FieldUse {
	/** Pages whose value is not empty. */
	present: number;
	/** Pages by the type of their value (see `valueTypeOf`; a mapping has none). */
	readonly types: Map<string, number>;
	/** Link values by the section of the page they link to ('' for the root). */
	readonly linkSections: Map<string, number>;
}

/** What the schema inference reads of one section (or of all). */
export interface SectionFieldCounts {
	/** Pages with parsed frontmatter, list pages (`_index.md`) aside. */
	pages: number;
	/** Those of them with at least one of the vault model's fields (`VAULT_MODEL_FIELDS`). */
	modelPages: number;
	readonly fields: Map<string, FieldUse>;
}

/**
 * A list page (`places/_index.md`, Hugo's branch bundle: the section's own
 * page, not an entity) follows no entity schema: it is neither counted nor
 * held to the required fields.
 */
export function isListPage(path: string): boolean {
	return path === '_index.md' || path.endsWith('/_index.md');
}

function bump(map: Map<string, number>, key: string, by: number): void {
	const next = (map.get(key) ?? 0) + by;
	if (next > 0) {
		map.set(key, next);
	} else {
		map.delete(key);
	}
}

/**
 * Per section, how many entity pages have each frontmatter field and with
 * which type of value: what the schema is inferred from (schemaInference.ts).
 * Kept by the index page by page (`add` when a page comes, `remove` with the
 * same summary when it goes), never by scanning the vault.
 */
export class FieldCounts {
	private bySection = new Map<string, SectionFieldCounts>();
	private allSections: SectionFieldCounts = { pages: 0, modelPages: 0, fields: new Map() };

	/** Every section's pages together. */
	get all(): SectionFieldCounts {
		return this.allSections;
	}

	/** The counts as they are (the persisted index's state, indexState.ts); not a copy. */
	get state(): { readonly bySection: Map<string, SectionFieldCounts>; readonly all: SectionFieldCounts } {
		return { bySection: this.bySection, all: this.allSections };
	}

	/** Puts back counts taken with `state` (read back from the persisted index: owned from now on). */
	restore(state: { readonly bySection: Map<string, SectionFieldCounts>; readonly all: SectionFieldCounts }): void {
		this.bySection = state.bySection;
		this.allSections = state.all;
	}

	section(section: string): SectionFieldCounts | undefined {
		return this.bySection.get(section);
	}

	sections(): string[] {
		return [...this.bySection.keys()].sort();
	}

	add(page: PageSummary): void {
		this.count(page, 1);
	}

	remove(page: PageSummary): void {
		this.count(page, -1);
	}

	private count(page: PageSummary, by: 1 | -1): void {
		const data = page.frontmatter.data;
		if (page.section === undefined || data === undefined || isListPage(page.path)) {
			return;
		}
		let section = this.bySection.get(page.section);
		if (!section) {
			section = { pages: 0, modelPages: 0, fields: new Map() };
			this.bySection.set(page.section, section);
		}
		const modelPage = VAULT_MODEL_FIELDS.some(field => !isEmptyValue(data[field]));
		// Each value's type (and a link's section) worked out once, for the section's counts and for all sections'.
		const keys = Object.keys(data).filter(key => !isEmptyValue(data[key]));
		const types = keys.map(key => valueTypeOf(data[key], page.path));
		const linkSections = keys.map((key, i) => (types[i] === 'link' ? linkValueTarget(data[key], page.path)?.section ?? '' : ''));
		for (const counts of [section, this.all]) {
			counts.pages += by;
			counts.modelPages += modelPage ? by : 0;
			for (let i = 0; i < keys.length; i++) {
				const key = keys[i];
				let use = counts.fields.get(key);
				if (!use) {
					use = { present: 0, types: new Map(), linkSections: new Map() };
					counts.fields.set(key, use);
				}
				use.present += by;
				const type = types[i];
				if (type !== undefined) {
					bump(use.types, type, by);
				}
				if (type === 'link') {
					bump(use.linkSections, linkSections[i], by);
				}
				if (use.present === 0) {
					counts.fields.delete(key);
				}
			}
		}
		if (section.pages === 0) {
			this.bySection.delete(page.section);
		}
	}
}
