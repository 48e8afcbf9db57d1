#!/usr/bin/env node
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./.build/src/version.js
/** The faultline version, sent as the User-Agent and shown by `faultline --version`. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./.build/src/cli/main.js

console.log(`faultline ${VERSION}`);

