// The part of js-yaml 3 (gray-matter's YAML engine) the frontmatter wrapper and the site configuration readers use.
declare module 'js-yaml' {
	/** YAML 1.2 core schema: no timestamps (dates stay strings), no merge keys, no custom types. */
	export const CORE_SCHEMA: object;
	/** Parses one YAML document with a safe schema (no code, no custom types); throws a `YAMLException` with `mark.line` (0-based). */
	export function safeLoad(text: string, options?: { schema?: object; filename?: string; json?: boolean }): unknown;
}
