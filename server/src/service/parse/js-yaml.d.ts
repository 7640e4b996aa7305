// The part of js-yaml 3 (gray-matter's YAML engine) the frontmatter wrapper uses.
declare module 'js-yaml' {
	/** YAML 1.2 core schema: no timestamps (dates stay strings), no merge keys, no custom types. */
	export const CORE_SCHEMA: object;
}
