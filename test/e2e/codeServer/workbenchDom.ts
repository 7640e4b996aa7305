/** What the UI helpers share about the workbench's DOM: the page they drive and a few selectors. */
import { Page } from 'playwright-core';

/** The owner of the browser page (the session); `page` throws once the browser is closed. */
export interface PageSource {
  readonly page: Page;
}

/** What the page functions read from a DOM element (the repo compiles without the DOM lib). */
export interface RenderedElement {
  innerText: string;
  style: { top: string };
}

export const activeTab = '.tabs-container .tab.active';
export const quickInputBox = '.quick-input-widget .quick-input-box input';
export const activeEditor = '.editor-group-container.active .monaco-editor';
