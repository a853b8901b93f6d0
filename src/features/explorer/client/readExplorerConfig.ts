import { explorerConfigElementId, type ExplorerPageConfig } from '../explorerPageConfig.js';

/** The page config the server embedded in the HTML; throws with a clear message when it is missing. */
export function readExplorerConfig(document: Document): ExplorerPageConfig {
  const element = document.getElementById(explorerConfigElementId);
  if (!element?.textContent) throw new Error(`the page has no #${explorerConfigElementId} element`);
  return JSON.parse(element.textContent) as ExplorerPageConfig;
}
