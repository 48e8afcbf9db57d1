/** Source maps: discover, validate, inject debug IDs (as sentry-cli 3.8 does), bundle, and upload. */
export { debugIdFromBytes, debugIdFromScriptAndMap, normalizeDebugId } from './debug-id.ts';
export {
  DEFAULT_EXTENSIONS,
  type DiscoveredFile,
  DiscoverError,
  discoverFiles,
  type DiscoverOptions,
  splitPathList,
} from './discover.ts';
export { SNIPPET_TEMPLATE } from './inject-text.ts';
export {
  DEFAULT_JS_EXTENSIONS,
  type InjectedItem,
  InjectError,
  injectDebugIds,
  type InjectOptions,
  type InjectResult,
  renderInjectReport,
} from './inject.ts';
export { findDebugIdComment, findSourceMappingUrl } from './js-comments.ts';
export { type DecodedMap, decodeMapBytes, encodeMap, isSourceMapBytes, SourceMapParseError } from './raw-map.ts';
