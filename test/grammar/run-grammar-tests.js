#!/usr/bin/env node
// Runs the TextMate grammar tests in test/grammar/*.test.md with vscode-tmgrammar-test, which
// tokenizes with the real vscode-textmate engine. The injection grammars come from package.json
// (contributes.grammars, injectTo text.html.markdown); the base grammars they inject into
// (Markdown, and YAML for the front matter) are not part of this repository: the tests use the
// ones VS Code itself ships, taken from
//   1. ENTITY_VAULT_MARKDOWN_GRAMMAR / ENTITY_VAULT_YAML_GRAMMAR (paths to VS Code's
//      markdown.tmLanguage.json and yaml.tmLanguage.json; the YAML folder's siblings are loaded too), or
//   2. the built-in extensions of the code-server installed by scripts/install-code-server.sh
//      (.tools/code-server/.../lib/vscode/extensions/{markdown-basics,yaml}/syntaxes/).
// The front matter tests expect VS Code's YAML grammar of 1.95 and later (meta.mapping.yaml, ...).
// Without these grammars the run fails: the tests prove nothing without them.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const vscodeExtensions = path.join(
  repoRoot, '.tools', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');

function firstExisting(candidates) {
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

const markdownGrammar = firstExisting([
  process.env.ENTITY_VAULT_MARKDOWN_GRAMMAR,
  path.join(vscodeExtensions, 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
]);
const yamlGrammar = firstExisting([
  process.env.ENTITY_VAULT_YAML_GRAMMAR,
  path.join(vscodeExtensions, 'yaml', 'syntaxes', 'yaml.tmLanguage.json'),
]);

if (!markdownGrammar || !yamlGrammar) {
  console.error(
    "test:grammar: VS Code's Markdown and YAML grammars were not found. Install code-server with " +
    '`bash scripts/install-code-server.sh` (its built-in grammars are used), or set ' +
    'ENTITY_VAULT_MARKDOWN_GRAMMAR and ENTITY_VAULT_YAML_GRAMMAR.');
  process.exit(1);
}

// VS Code's YAML grammar includes its per-version siblings (source.yaml.1.2, ...): load them all.
const yamlGrammars = fs.readdirSync(path.dirname(yamlGrammar))
  .filter((name) => name.startsWith('yaml') && name.endsWith('.tmLanguage.json'))
  .map((name) => path.join(path.dirname(yamlGrammar), name));
const grammarArgs = ['-g', markdownGrammar];
for (const grammar of yamlGrammars) {
  grammarArgs.push('-g', grammar);
}
console.log(`test:grammar: Markdown grammar ${path.relative(repoRoot, markdownGrammar)}`);
console.log(`test:grammar: YAML grammars ${yamlGrammars.map((file) => path.relative(repoRoot, file)).join(', ')}`);

const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json', { paths: [repoRoot] })), 'dist', 'unit.js');
const testFiles = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.md')).sort();
if (testFiles.length === 0) {
  console.error('test:grammar: no test/grammar/*.test.md files');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [cli, '--config', path.join(repoRoot, 'package.json'), ...grammarArgs,
    ...testFiles.map((name) => path.join('test', 'grammar', name))],
  { cwd: repoRoot, encoding: 'utf8' });
if (result.error) {
  throw result.error;
}
// The Markdown grammar embeds dozens of languages (fenced code blocks) whose grammars are not
// loaded here; vscode-textmate warns once for each. They do not matter to these tests.
const isMissingEmbeddedGrammar = (line) => /^grammar not found for "[^"]+"$/.test(line);
process.stdout.write(result.stdout);
const stderr = result.stderr.split('\n');
const missing = stderr.filter(isMissingEmbeddedGrammar).length;
process.stderr.write(stderr.filter((line) => !isMissingEmbeddedGrammar(line)).join('\n'));
if (missing > 0) {
  console.log(`test:grammar: (${missing} grammars of languages embedded in Markdown code blocks not loaded)`);
}
const failed = result.status !== 0;
console.log(`test:grammar: ${testFiles.length - (failed ? countFailedFiles(result.stdout) : 0)} passed, ${failed ? countFailedFiles(result.stdout) || 1 : 0} failed`);
process.exit(failed ? 1 : 0);

// The runner prints "✖ FILE failed" once for each failed file (without colours: its output is a pipe).
function countFailedFiles(output) {
  return output.split('\n').filter((line) => /\.test\.md failed\s*$/.test(line)).length;
}
