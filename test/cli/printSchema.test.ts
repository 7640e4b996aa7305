import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFolder, runCli } from '../support/checkCommand';
import { fixturesRoot } from '../support/paths';

const HUGO_DOCS_MIRROR = '/work/.mirror/gohugoio+hugoDocs/repo';

describe('entity-vault check --print-schema', function () {
	this.timeout(120000);
	const broken = path.join(fixturesRoot, 'vaults', 'broken');

	it('prints the schema inferred from a fixture vault as the frontmatter key of .entity-vault.json, and exits 0', () => {
		const result = runCli('check', broken, '--print-schema');
		assert.strictEqual(result.status, 0, result.stderr);
		const printed = JSON.parse(result.stdout) as { frontmatter: Record<string, { required: string[]; fields: Record<string, { type: string }> }> };
		assert.deepStrictEqual(Object.keys(printed), ['frontmatter']);
		assert.deepStrictEqual(Object.keys(printed.frontmatter), ['people', 'places']);
		assert.deepStrictEqual(printed.frontmatter.places.required, ['summary', 'category', 'tags', 'created', 'updated']);
		assert.deepStrictEqual(printed.frontmatter.places.fields.tags, { type: 'names' });
		assert.ok(result.stdout.includes('\n      "required": ["summary", "category", "tags", "created", "updated"],\n'), result.stdout);
		assert.ok(result.stdout.includes('\n        "created": { "type": "date" },\n'), result.stdout);
		assert.strictEqual(runCli('check', broken, '--print-schema=yes').status, 2);
	});

	it('asks a site that writes none of the vault model\'s fields for none of them', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-schema-'));
		try {
			for (let i = 0; i < 30; i++) {
				fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
				const description = i === 0 ? '' : 'description: What it does.\n';
				fs.writeFileSync(path.join(dir, 'docs', `p${i}.md`), `---\ntitle: Page ${i}\n${description}weight: ${i}\n---\n\nText.\n`);
			}
			const report = checkFolder(dir);
			assert.deepStrictEqual(report.diagnostics.filter(d => d.code.startsWith('frontmatter')), []);
			const printed = JSON.parse(runCli('check', dir, '--print-schema').stdout) as { frontmatter: Record<string, unknown> };
			assert.deepStrictEqual(printed.frontmatter, { docs: { required: ['title', 'weight'], fields: { description: { type: 'text' }, title: { type: 'text' }, weight: { type: 'number' } } } });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reports no frontmatter-field warning on a copy of Hugo\'s documentation (gohugoio/hugoDocs content/en)', function () {
		if (!fs.existsSync(HUGO_DOCS_MIRROR)) {
			this.skip();
		}
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-hugodocs-'));
		try {
			const archive = execFileSync('git', ['--git-dir', HUGO_DOCS_MIRROR, 'archive', 'HEAD', 'content/en'], { maxBuffer: 1 << 30 });
			execFileSync('tar', ['-x', '-C', dir], { input: archive });
			const content = path.join(dir, 'content', 'en');
			const report = checkFolder(content);
			assert.ok(report.pages > 900, `${report.pages} pages`);
			assert.deepStrictEqual(report.diagnostics.filter(d => d.code === 'frontmatter-field'), []);
			const printed = JSON.parse(runCli('check', content, '--print-schema').stdout) as { frontmatter: Record<string, { required: string[] }> };
			assert.deepStrictEqual(printed.frontmatter.functions.required, ['description', 'params', 'title']);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
