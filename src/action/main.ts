// The action's entry (bundled to dist/index.js). No logic here: see run.ts.
import { runAction } from './run.ts';

await runAction();
