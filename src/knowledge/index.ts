export type { Knowledge, KnowledgeCheck } from './load-knowledge.js';
export { loadKnowledge, checkKnowledge } from './load-knowledge.js';
export { dataDir, PACKAGE_ROOT } from './data-dir.js';
export { loadBaseLayer } from './base-layer.js';
export type { BaseLayer } from './base-layer-cache.js';
export { buildBaseLayer, cachedBaseLayer, encodeBaseLayer, decodeBaseLayer, cacheDir, territoryIndexFile, writeTerritoryIndex } from './base-layer-cache.js';
export type { SourcePosition } from './yaml-file.js';
export { parseYamlFile } from './yaml-file.js';
export { assessIncident, assessCaseIncident, availableAssessment } from './assess-incident.js';
