import type { Node } from 'jsonc-parser';

/**
 * The shapes of the vault configuration file's values, as data: the loader
 * validates a parsed JSONC tree against them (each problem at the key or
 * value that is wrong, with its path), and the published JSON schema
 * (`schemas/entity-vault.schema.json`) is generated from the same shapes, so
 * VS Code's validation and the server's cannot disagree.
 */
export type ConfigShape =
	| { readonly kind: 'string'; readonly description?: string; readonly nonEmpty?: boolean }
	| { readonly kind: 'boolean'; readonly description?: string }
	| { readonly kind: 'integer'; readonly description?: string; readonly minimum?: number }
	| { readonly kind: 'enum'; readonly description?: string; readonly values: readonly string[] }
	| { readonly kind: 'scalar'; readonly description?: string }
	| { readonly kind: 'list'; readonly description?: string; readonly items: ConfigShape }
	| { readonly kind: 'map'; readonly description?: string; readonly values: ConfigShape; readonly keys?: readonly string[]; readonly keyDescription?: string }
	| { readonly kind: 'object'; readonly description?: string; readonly properties: Readonly<Record<string, ConfigShape>>; readonly required?: readonly string[] };

/** A problem found in the file: the JSON path of the key (or value) and its offsets in the text. */
export interface ShapeProblem {
	readonly path: string;
	readonly offset: number;
	readonly length: number;
	readonly message: string;
}

function describe(shape: ConfigShape): string {
	switch (shape.kind) {
		case 'string': return 'a string';
		case 'boolean': return 'true or false';
		case 'integer': return shape.minimum === undefined ? 'a whole number' : `a whole number, ${shape.minimum} or more`;
		case 'enum': return `one of ${shape.values.map(value => JSON.stringify(value)).join(', ')}`;
		case 'scalar': return 'a string, a number or true/false';
		case 'list': return `a list of ${describe(shape.items).replace(/^an? /, '')}s`.replace(/ss$/, 's');
		case 'map': return 'an object';
		case 'object': return 'an object';
	}
}

function joinPath(path: string, key: string): string {
	return path === '' ? key : /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Checks `node` against `shape`; returns the valid value (the invalid parts
 * of an object or list left out) or undefined, and adds each problem. A
 * wrong value is reported at its key (`keyNode`) when it has one.
 */
export function validateShape(node: Node, shape: ConfigShape, path: string, problems: ShapeProblem[], keyNode?: Node): unknown {
	const at = keyNode ?? node;
	const wrong = (message: string): undefined => {
		problems.push({ path, offset: at.offset, length: at.length, message });
		return undefined;
	};
	const expected = (): undefined => wrong(`${path} must be ${describe(shape)}`);
	switch (shape.kind) {
		case 'string':
			if (node.type !== 'string') {
				return expected();
			}
			if (shape.nonEmpty && String(node.value).trim() === '') {
				return wrong(`${path} must not be empty`);
			}
			return node.value as string;
		case 'boolean':
			return node.type === 'boolean' ? node.value as boolean : expected();
		case 'integer':
			return node.type === 'number' && Number.isInteger(node.value) && (shape.minimum === undefined || (node.value as number) >= shape.minimum) ? node.value as number : expected();
		case 'enum':
			return node.type === 'string' && shape.values.includes(node.value as string) ? node.value as string : expected();
		case 'scalar':
			return node.type === 'string' || node.type === 'number' || node.type === 'boolean' ? node.value as unknown : expected();
		case 'list': {
			if (node.type !== 'array') {
				return expected();
			}
			const items: unknown[] = [];
			(node.children ?? []).forEach((child, i) => {
				const value = validateShape(child, shape.items, `${path}[${i}]`, problems);
				if (value !== undefined) {
					items.push(value);
				}
			});
			return items;
		}
		case 'map':
		case 'object': {
			if (node.type !== 'object') {
				return expected();
			}
			const result: Record<string, unknown> = {};
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (key === undefined || value === undefined) {
					continue;
				}
				const name = key.value as string;
				const childPath = joinPath(path, name);
				let childShape: ConfigShape | undefined;
				if (shape.kind === 'object') {
					childShape = Object.hasOwn(shape.properties, name) ? shape.properties[name] : undefined;
					if (childShape === undefined) {
						problems.push({ path: childPath, offset: key.offset, length: key.length, message: `unknown key ${JSON.stringify(name)}${path === '' ? '' : ` in ${path}`} (known: ${Object.keys(shape.properties).join(', ')})` });
						continue;
					}
				} else {
					if (shape.keys !== undefined && !shape.keys.includes(name)) {
						problems.push({ path: childPath, offset: key.offset, length: key.length, message: `unknown key ${JSON.stringify(name)} in ${path} (known: ${shape.keys.join(', ')})` });
						continue;
					}
					childShape = shape.values;
				}
				const checked = validateShape(value, childShape, childPath, problems, key);
				if (checked !== undefined) {
					result[name] = checked;
				}
			}
			if (shape.kind === 'object') {
				const missing = (shape.required ?? []).filter(name => !Object.hasOwn(result, name));
				if (missing.length > 0 && !problems.some(problem => problem.path.startsWith(joinPath(path, missing[0])))) {
					return wrong(`${path} needs ${missing.map(name => JSON.stringify(name)).join(' and ')}`);
				}
			}
			return result;
		}
	}
}

/** The JSON schema (draft-07) of a shape. */
export function jsonSchemaOf(shape: ConfigShape): Record<string, unknown> {
	const described = shape.description === undefined ? {} : { description: shape.description };
	switch (shape.kind) {
		case 'string':
			return { type: 'string', ...(shape.nonEmpty ? { minLength: 1 } : {}), ...described };
		case 'boolean':
			return { type: 'boolean', ...described };
		case 'integer':
			return { type: 'integer', ...(shape.minimum === undefined ? {} : { minimum: shape.minimum }), ...described };
		case 'enum':
			return { type: 'string', enum: [...shape.values], ...described };
		case 'scalar':
			return { type: ['string', 'number', 'boolean'], ...described };
		case 'list':
			return { type: 'array', items: jsonSchemaOf(shape.items), ...described };
		case 'map':
			return {
				type: 'object',
				...(shape.keys === undefined ? {} : { propertyNames: { enum: [...shape.keys], ...(shape.keyDescription === undefined ? {} : { description: shape.keyDescription }) } }),
				additionalProperties: jsonSchemaOf(shape.values),
				...described,
			};
		case 'object':
			return {
				type: 'object',
				properties: Object.fromEntries(Object.entries(shape.properties).map(([name, property]) => [name, jsonSchemaOf(property)])),
				...(shape.required === undefined ? {} : { required: [...shape.required] }),
				additionalProperties: false,
				...described,
			};
	}
}
