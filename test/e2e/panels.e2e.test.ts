/**
 * The Backlinks view and the Vault Overview, as a user sees them: the packaged Entity Vault
 * (.vsix) in code-server on a copy of the example vault. With people/nicholas-davies.md open,
 * the Backlinks view in the explorer lists the pages linking to it (counted here from the
 * files, apart from the server) with the sentence of each link; clicking a sentence opens the
 * linking page at the link. *Entity Vault: Vault Overview* lists the orphans (pages no other
 * page links, also found here from the files).
 *
 * Screenshots go to test-artifacts/e2e/panels-*.png; with UPDATE_SCREENSHOTS=1 the cropped
 * views are also written to docs/screenshots/backlinks.png and overview.png.
 *
 * Needs `bash scripts/install-code-server.sh`; packages the .vsix if it is not up to date.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolderToTemp } from './codeServer/launch';
import { REPO_ROOT } from './codeServer/paths';
import { readmeScreenshot } from './codeServer/readmeScreenshots';
import { useVaultSession } from './codeServer/vaultSession';
import { waitUntil } from './codeServer/waits';

const EXAMPLE_VAULT = path.join(REPO_ROOT, 'examples/vault');
const PAGE = 'people/nicholas-davies.md';
const BACKLINKS_PANE = '.pane:has(.pane-header[aria-label^="Backlinks"])';
const OVERVIEW_PANE = '.pane:has(.pane-header[aria-label^="Vault Overview"])';
/** A page added to the copy: nothing links it (an orphan), and it links a page that does not exist (a wanted page). */
const ORPHAN = 'people/jane-doe.md';
const ORPHAN_TEXT = '---\ntitle: Jane Doe\nsummary: A source nobody cites yet.\ncategory: Person\ntags:\n- Person\ncreated: 2026-05-15\nupdated: 2026-05-19\n---\n\nJane Doe met [John Roe](/people/john-roe/) in [London](/places/london/).\n';

/** Every page of the example vault and the orphan with its text, by `SECTION/NAME.md`. */
function examplePages(): Map<string, string> {
  const pages = new Map<string, string>([[ORPHAN, ORPHAN_TEXT]]);
  for (const section of fs.readdirSync(EXAMPLE_VAULT)) {
    for (const name of fs.readdirSync(path.join(EXAMPLE_VAULT, section))) {
      pages.set(`${section}/${name}`, fs.readFileSync(path.join(EXAMPLE_VAULT, section, name), 'utf8'));
    }
  }
  return pages;
}

/** The other pages whose text links to `page`, as `/SECTION/SLUG/` or a relative `.md` path. */
function linkersOf(pages: Map<string, string>, page: string): string[] {
  const [section, name] = page.split('/');
  const slug = name.replace(/\.md$/, '');
  const link = new RegExp(`\\]\\((?:/${section}/${slug}/?|\\.\\./${section}/${slug}\\.md|${slug}\\.md)[#)\\s]`);
  return [...pages].filter(([other, text]) => other !== page && link.test(text)).map(([other]) => other).sort();
}

function titleOf(text: string): string {
  return /^title: (.*)$/m.exec(text)?.[1].trim().replace(/^["']|["']$/g, '') ?? '';
}

/** The visible rows' texts of a view. */
async function rowTexts(s: ReturnType<ReturnType<typeof useVaultSession>['session']>, pane: string): Promise<string[]> {
  const rows = s.page.locator(`${pane} .monaco-list-row`);
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    texts.push((await rows.nth(i).innerText()).replace(/\s+/g, ' ').trim());
  }
  return texts;
}

describe('Entity Vault in code-server: the Backlinks view and the Vault Overview', function () {
  this.timeout(180_000);
  const vscode = useVaultSession({
    name: 'panels',
    makeVault: () => {
      const vault = copyFolderToTemp(EXAMPLE_VAULT, 'entity-vault-panels-');
      fs.writeFileSync(path.join(vault, ORPHAN), ORPHAN_TEXT);
      return vault;
    },
    settings: { 'markdown.suggest.paths.enabled': false, 'workbench.startupEditor': 'none' },
  }).session;

  it('lists the pages linking to the open page with each link\'s sentence; a click opens the link', async function () {
    const s = vscode();
    const pages = examplePages();
    const linkers = linkersOf(pages, PAGE);
    assert.ok(linkers.length >= 3, `only ${linkers.length} pages link to ${PAGE}`);
    await s.editor.openFile(PAGE);
    // The folders' view collapsed, so that the Backlinks view has the room to show its rows.
    await s.page.locator('.pane-header', { hasText: /entity-vault-panels-/i }).first().click();
    await s.quickInput.runCommand('Focus on Backlinks View');
    const titles = linkers.map(linker => titleOf(pages.get(linker)!));
    const rows = await waitUntil('the linking pages in the Backlinks view', async () => {
      const texts = await rowTexts(s, BACKLINKS_PANE);
      return titles.every(title => texts.some(text => text.startsWith(title))) ? texts : undefined;
    });
    assert.ok(rows[0].startsWith('Linked'), rows.join('\n'));
    assert.ok(rows[0].includes(`${linkers.length} pages`), rows[0]);
    // Grouped by section: the linkers' sections each have a row.
    for (const section of new Set(linkers.map(linker => linker.split('/')[0]))) {
      assert.ok(rows.some(text => text.startsWith(section)), `no row for the section ${section}: ${rows.join('\n')}`);
    }
    assert.ok(rows.some(text => text.startsWith('Unlinked mentions')), rows.join('\n'));
    // The sentence of the link in robert-maxwell.md, with the link's text highlighted.
    const maxwell = pages.get('people/robert-maxwell.md')!;
    const linkText = /\[([^\]]+)\]\(\/people\/nicholas-davies\/\)/.exec(maxwell)?.[1];
    assert.ok(linkText, 'robert-maxwell.md has no link to nicholas-davies');
    // The row after the page's row Robert Maxwell: its link's sentence.
    const allRows = s.page.locator(`${BACKLINKS_PANE} .monaco-list-row`);
    const maxwellRow = (await rowTexts(s, BACKLINKS_PANE)).findIndex(text => text.startsWith('Robert Maxwell'));
    assert.ok(maxwellRow >= 0, 'no row for Robert Maxwell');
    const sentence = allRows.nth(maxwellRow + 1);
    assert.equal((await sentence.locator('.highlight').innerText()).trim(), linkText);
    const sentenceText = (await sentence.innerText()).replace(/\s+/g, ' ').trim();
    assert.ok(sentenceText.includes(linkText) && !sentenceText.includes('](/'), sentenceText);
    await readmeScreenshot(s, 'panels-backlinks', 'backlinks', { selectors: [BACKLINKS_PANE, '.part.editor'] });

    await sentence.click();
    await s.editor.waitForActiveTab('robert-maxwell.md');
    const line = maxwell.split('\n').findIndex(text => text.includes('](/people/nicholas-davies/)')) + 1;
    const status = s.page.locator('.statusbar-item[id="status.editor.selection"]');
    await waitUntil(`the cursor on line ${line}`, async () => ((await status.innerText()).includes(`Ln ${line},`) ? true : undefined));
  });

  it('lists the orphans in the Vault Overview', async function () {
    const s = vscode();
    const pages = examplePages();
    const orphans = [...pages.keys()].filter(page => linkersOf(pages, page).length === 0).map(page => titleOf(pages.get(page)!)).sort();
    assert.deepEqual(orphans, ['Jane Doe']);
    // The Backlinks view collapsed, so that the overview has the room to show its rows.
    await s.page.locator(`${BACKLINKS_PANE} .pane-header`).click();
    await s.quickInput.runCommand('Entity Vault: Vault Overview');
    const orphansRow = s.page.locator(`${OVERVIEW_PANE} .monaco-list-row`, { hasText: 'Orphans' }).first();
    await orphansRow.waitFor({ state: 'visible' });
    assert.ok((await orphansRow.innerText()).includes(String(orphans.length)), await orphansRow.innerText());
    await orphansRow.click();
    await waitUntil('the orphans listed', async () => {
      const texts = await rowTexts(s, OVERVIEW_PANE);
      return orphans.every(title => texts.some(text => text.startsWith(title))) ? true : undefined;
    });
    const wantedRow = s.page.locator(`${OVERVIEW_PANE} .monaco-list-row`, { hasText: 'Wanted pages' }).first();
    assert.match(await wantedRow.innerText(), /Wanted pages\s*1\b/);
    const texts = await rowTexts(s, OVERVIEW_PANE);
    for (const list of ['Pages per section', 'Most linked', 'Without footnotes', 'Wanted pages', 'Problems by code']) {
      assert.ok(texts.some(text => text.startsWith(list)), `no ${list}: ${texts.join('\n')}`);
    }
    await s.page.locator(`${OVERVIEW_PANE} .monaco-list-row`, { hasText: 'Problems by code' }).first().click();
    await s.page.locator(`${OVERVIEW_PANE} .monaco-list-row`, { hasText: 'broken-link' }).first().waitFor({ state: 'visible' });
    await readmeScreenshot(s, 'panels-overview', 'overview', { selectors: [OVERVIEW_PANE] });

    // A click on the orphan opens it.
    await s.page.locator(`${OVERVIEW_PANE} .monaco-list-row`, { hasText: 'Jane Doe' }).first().click();
    await s.editor.waitForActiveTab('jane-doe.md');
  });
});
