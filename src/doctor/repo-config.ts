// The repository config the doctor checks alert rules against: `--config FILE` (which must exist) or
// `.github/faultline.yml` in the working directory when there is one. Only the file: parsing it loads the alerts
// code, which the doctor imports only when a config is there.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const DEFAULT_CONFIG = '.github/faultline.yml';

export type FoundConfig = { shownAs: string; text: string } | { shownAs: string; error: string };

export async function findRepoConfig(configPath: string | undefined, cwd: string): Promise<FoundConfig | undefined> {
  const shownAs = configPath ?? DEFAULT_CONFIG;
  try {
    return { shownAs, text: await readFile(resolve(cwd, shownAs), 'utf8') };
  } catch (error) {
    if (configPath === undefined) return undefined;
    return { shownAs, error: `cannot read ${shownAs} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
