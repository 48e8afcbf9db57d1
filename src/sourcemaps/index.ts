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
export {
  type DecodedMap,
  decodeMapBytes,
  type IndexMap,
  inspectSourceMapBytes,
  isSourceMapBytes,
  type RegularMap,
  SourceMapParseError,
} from './raw-map.ts';
export { encodeMap, encodeMapBytes } from './map-writer.ts';
export { formatBytes, renderReportMarkdown, renderReportText } from './report.ts';
export { type ProgressOutput, uploadProgress, type UploadProgress } from './progress.ts';
export { makeTempDir } from './temp-dir.ts';
export {
  checkMappings,
  type Finding,
  type FindingKind,
  type MapKind,
  type ScriptCheck,
  type SourcemapReport,
  validateSourcemaps,
  type ValidateOptions,
} from './validate.ts';
export {
  type BuiltBundle,
  buildArtifactBundle,
  buildManifest,
  type BundleAttributes,
  bundleDebugId,
  type BundleEntry,
  type BundleManifest,
  bundlePath,
  type ChunkRef,
  planArtifactBundle,
  SYSB_HEADER,
} from './bundle.ts';
export { type ChunkPlan, planChunkUpload } from './chunk-plan.ts';
export {
  type BundleSummary,
  collectUploadFiles,
  DEFAULT_UPLOAD_EXTENSIONS,
  parseUploadTargets,
  UploadError,
  type UploadGroup,
  type UploadOptions,
  uploadSourcemaps,
  type UploadSummary,
} from './upload.ts';
