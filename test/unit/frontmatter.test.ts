import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseFrontmatter, MAX_FRONTMATTER_LENGTH } from '../../server/src/service/parse/frontmatter';
import { repoRoot } from '../support/paths';

type Sentinel = { __entityVaultSentinel?: number };

describe('frontmatter', () => {
	const seed = fs.readFileSync(path.join(repoRoot, 'examples/vault/organizations/mi6.md'), 'utf8');

	it('parses the seed page with dates kept as written', () => {
		const fm = parseFrontmatter(seed);
		assert.strictEqual(fm.present, true);
		assert.deepStrictEqual(fm.problems, []);
		assert.strictEqual(fm.data?.created, '2026-05-14');
		assert.strictEqual(fm.data?.updated, '2026-05-14');
		assert.strictEqual(fm.data?.category, 'Intelligence & Government');
		assert.deepStrictEqual(fm.data?.tags, ['Organization', 'UnitedKingdom', 'Intelligence', 'MI6', 'SIS', 'ColdWar']);
		assert.deepStrictEqual(fm.fields.map(f => f.key), ['category', 'created', 'location', 'summary', 'tags', 'updated']);
		const summary = fm.fields.find(f => f.key === 'summary')!;
		assert.ok(seed.slice(summary.valueSpan.start, summary.valueSpan.end).startsWith('MI6 (the Secret'));
		assert.ok(seed.slice(summary.valueSpan.start, summary.valueSpan.end).endsWith('affair.'));
		assert.strictEqual(seed.slice(fm.bodyStart, fm.bodyStart + 4), '\nThe');
		assert.strictEqual(seed.slice(fm.closingFenceStart!, fm.closingFenceStart! + 4), '---\n');
	});

	it('gives the same fields and body for CRLF text', () => {
		const crlf = seed.replace(/\n/g, '\r\n');
		const fm = parseFrontmatter(crlf);
		assert.deepStrictEqual(fm.problems, []);
		assert.strictEqual(fm.data?.summary, parseFrontmatter(seed).data?.summary);
		assert.strictEqual(crlf.slice(fm.bodyStart, fm.bodyStart + 5), '\r\nThe');
	});

	it('is absent without an opening fence, and `----` is no fence', () => {
		assert.strictEqual(parseFrontmatter('# Title\n').present, false);
		assert.strictEqual(parseFrontmatter('----\ntitle: x\n----\n').present, false);
		assert.strictEqual(parseFrontmatter('').present, false);
	});

	it('accepts `...` as the closing fence and an empty block', () => {
		assert.deepStrictEqual(parseFrontmatter('---\ntitle: A\n...\nbody').data, { title: 'A' });
		const empty = parseFrontmatter('---\n---\nbody');
		assert.deepStrictEqual(empty.data, {});
		assert.strictEqual(empty.bodyStart, 8);
	});

	it('reports a YAML error on the line it is on and still finds the body', () => {
		const text = '---\ntitle: ok\ntags: [a, b\nsummary: x\n---\nBody [link](/a/b/)\n';
		const fm = parseFrontmatter(text);
		assert.strictEqual(fm.data, undefined);
		assert.strictEqual(fm.problems.length, 1);
		assert.strictEqual(fm.problems[0].kind, 'syntax');
		assert.match(fm.problems[0].message, /not valid YAML/);
		const line = text.slice(0, fm.problems[0].span.start).split('\n').length - 1;
		assert.ok(line >= 2 && line <= 4, `error on line ${line}`);
		assert.strictEqual(text.slice(fm.bodyStart), 'Body [link](/a/b/)\n');
	});

	it('reports an unclosed block on line 1 and reads the rest as body', () => {
		const text = '---\ntitle: x\nBody text\n';
		const fm = parseFrontmatter(text);
		assert.strictEqual(fm.problems[0].kind, 'unclosed');
		assert.deepStrictEqual(fm.problems[0].span, { start: 0, end: 3 });
		assert.strictEqual(fm.bodyStart, 4);
	});

	it('reports CR-only line endings but still parses', () => {
		const fm = parseFrontmatter('---\rtitle: x\rcategory: y\r---\rBody');
		assert.deepStrictEqual(fm.problems.map(p => p.kind), ['line-endings']);
		assert.deepStrictEqual(fm.data, { title: 'x', category: 'y' });
	});

	it('refuses a huge block with a diagnostic', () => {
		const big = '---\n' + 'k: ' + 'x'.repeat(MAX_FRONTMATTER_LENGTH) + '\n---\nbody';
		const fm = parseFrontmatter(big);
		assert.deepStrictEqual(fm.problems.map(p => p.kind), ['too-large']);
		assert.strictEqual(big.slice(fm.bodyStart), 'body');
	});

	it('reports a block that is not a mapping', () => {
		assert.deepStrictEqual(parseFrontmatter('---\n- a\n- b\n---\n').problems.map(p => p.kind), ['not-a-mapping']);
	});

	it('never evaluates JavaScript front matter, whatever the spelling', () => {
		const sentinel = globalThis as Sentinel;
		delete sentinel.__entityVaultSentinel;
		const payload = '{ title: (globalThis.__entityVaultSentinel = (globalThis.__entityVaultSentinel || 0) + 1, "pwned") }';
		for (const language of ['js', 'JS', 'Js', 'javascript', 'JavaScript', ' Javascript ', 'JAVASCRIPT', 'coffee']) {
			const fm = parseFrontmatter(`---${language}\n${payload}\n---\nbody`);
			assert.strictEqual(fm.data, undefined, language);
			assert.strictEqual(fm.problems[0].kind, 'language', language);
		}
		// A second js block in the body is just markdown.
		parseFrontmatter(`---\ntitle: a\n---\n---js\n${payload}\n---\n`);
		assert.strictEqual(sentinel.__entityVaultSentinel, undefined);
	});

	it('names other languages as unsupported', () => {
		assert.match(parseFrontmatter('---json\n{"a": 1}\n---\n').problems[0].message, /json is not supported: Entity Vault reads YAML and TOML frontmatter only/);
		assert.match(parseFrontmatter('+++json\n{"a": 1}\n+++\n').problems[0].message, /json is not supported/);
	});

	describe('TOML (+++, Hugo)', () => {
		it('reads the table, dates as the strings TOML wrote, and CRLF line breaks', () => {
			const text = '+++\r\ntitle = "Basics"\r\nslug = \'the-basics\'\r\ndate = 2024-03-07\r\nlastmod = 2024-03-07T10:00:00Z\r\naliases = ["/old/", "/older/"]\r\ndraft = false\r\n[params]\r\nicon = "book"\r\n+++\r\n# Basics\r\n';
			const frontmatter = parseFrontmatter(text);
			assert.deepStrictEqual(frontmatter.problems, []);
			assert.deepStrictEqual(frontmatter.data, { title: 'Basics', slug: 'the-basics', date: '2024-03-07', lastmod: '2024-03-07T10:00:00.000Z', aliases: ['/old/', '/older/'], draft: false, params: { icon: 'book' } });
			assert.strictEqual(text.slice(frontmatter.bodyStart), '# Basics\r\n');
		});

		it('finds the top-level keys and their values (over several lines), up to the first table', () => {
			const text = [
				'+++', 'title = "Mixed"', '"quoted key" = 1', 'tags = [', '  "a", # a comment', '  ["nested = 1"],', ']', 'description = """',
				'line one', 'key = not a key', '"""', 'site.name = "dotted"', '', '[params]', 'inner = 1', '+++', '',
			].join('\n');
			const frontmatter = parseFrontmatter(text);
			assert.deepStrictEqual(frontmatter.problems, []);
			assert.deepStrictEqual(frontmatter.fields.map(field => [field.key, text.slice(field.keySpan.start, field.keySpan.end), text.slice(field.valueSpan.start, field.valueSpan.end)]), [
				['title', 'title', '"Mixed"'],
				['quoted key', '"quoted key"', '1'],
				['tags', 'tags', '[\n  "a", # a comment\n  ["nested = 1"],\n]'],
				['description', 'description', '"""\nline one\nkey = not a key\n"""'],
				['site', 'site', '"dotted"'],
			]);
		});

		it('reports invalid TOML on its line, and never recurses without bound', () => {
			const text = '+++\ntitle = "A"\nslug =\n+++\nbody\n';
			const frontmatter = parseFrontmatter(text);
			assert.strictEqual(frontmatter.data, undefined);
			assert.strictEqual(frontmatter.problems.length, 1);
			assert.strictEqual(frontmatter.problems[0].kind, 'syntax');
			assert.match(frontmatter.problems[0].message, /^Frontmatter is not valid TOML: /);
			assert.strictEqual(text.slice(frontmatter.problems[0].span.start, frontmatter.problems[0].span.end), 'slug =');
			assert.strictEqual(text.slice(frontmatter.bodyStart), 'body\n');
			const deep = parseFrontmatter(`+++\na = ${'['.repeat(5000)}${']'.repeat(5000)}\n+++\n`);
			assert.strictEqual(deep.data, undefined);
			assert.strictEqual(deep.problems[0].kind, 'syntax');
		});
	});

	it('reads a block as gray-matter does: comments only is {}, a null document is {}, YAML ends at a line starting with ---', () => {
		assert.deepStrictEqual(parseFrontmatter('---\n# only a comment\n  # another\n---\nbody').data, {});
		assert.deepStrictEqual(parseFrontmatter('---\n~\n---\n').data, {});
		assert.deepStrictEqual(parseFrontmatter('---\na: 1\n----\nb: 2\n---\n').data, { a: 1 });
		assert.deepStrictEqual(parseFrontmatter('---\r\na: 1\r\n---x: 3\r\nb: 2\r\n---\r\n').data, { a: 1 });
		const broken = parseFrontmatter('---\n# c\na: [1\n---\n');
		assert.strictEqual(broken.data, undefined);
		assert.deepStrictEqual(broken.problems, [{ kind: 'syntax', message: 'Frontmatter is not valid YAML: unexpected end of the stream within a flow collection', span: { start: 8, end: 13 } }]);
	});

	it('cuts alias cycles and keeps shared aliases', () => {
		const fm = parseFrontmatter('---\nbase: &b {x: 1}\na: *b\nc: *b\n---\n');
		assert.deepStrictEqual(fm.data, { base: { x: 1 }, a: { x: 1 }, c: { x: 1 } });
	});

	it('no module imports gray-matter (it would evaluate JavaScript frontmatter); frontmatter.ts calls js-yaml directly', () => {
		const offenders: string[] = [];
		const walk = (dir: string): void => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) {
					walk(full);
				} else if (/\.(ts|js|mjs|cjs)$/.test(entry.name) && /(from\s+|require\(\s*|import\(\s*)['"]gray-matter['"]/.test(fs.readFileSync(full, 'utf8'))) {
					offenders.push(path.relative(repoRoot, full));
				}
			}
		};
		for (const dir of ['server/src', 'client/src', 'scripts', 'bin']) {
			if (fs.existsSync(path.join(repoRoot, dir))) {
				walk(path.join(repoRoot, dir));
			}
		}
		assert.deepStrictEqual(offenders, []);
		assert.doesNotMatch(fs.readFileSync(path.join(repoRoot, 'server/src/service/parse/frontmatter.ts'), 'utf8'), /matter\.(stringify|read)\(/);
		assert.match(fs.readFileSync(path.join(repoRoot, 'server/src/service/parse/frontmatter.ts'), 'utf8'), /\bsafeLoad\(/);
	});
});

describe('frontmatter dates', () => {
	it('keeps dates as written, even impossible ones', () => {
		const fm = parseFrontmatter('---\ncreated: 2026-13-01\nupdated: 2026-05-14\nat: 2026-05-14T10:00:00Z\n---\n');
		assert.deepStrictEqual(fm.data, { created: '2026-13-01', updated: '2026-05-14', at: '2026-05-14T10:00:00Z' });
	});
});
