import * as core from '@actions/core';
import { VERSION } from '../version.ts';

core.info(`faultline ${VERSION}`);
