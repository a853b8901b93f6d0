// The explorer's browser entry point, bundled by scripts/buildExplorer.mjs into public/explorer/.
import 'graphiql/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { ExplorerApp } from './ExplorerApp.js';
import { readExplorerConfig } from './readExplorerConfig.js';
import { setupMonacoWorkers } from './setupMonacoWorkers.js';

const config = readExplorerConfig(document);
setupMonacoWorkers(config.assetBase);
const root = document.getElementById('explorer-root');
if (!root) throw new Error('the page has no #explorer-root element');
createRoot(root).render(<ExplorerApp config={config} />);
