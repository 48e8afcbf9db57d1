#!/usr/bin/env node
import { VERSION } from '../version.ts';

console.log(`faultline ${VERSION}`);
