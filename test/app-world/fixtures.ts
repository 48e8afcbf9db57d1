// The names both end-to-end worlds share: the Sentry org and installation, the repository and the Sentry issue the
// scenarios revolve around, and a way to spell commit SHAs.
export const ORG = 'acme';
export const REPO = 'acme/web';
/** The Sentry integration's installation in org `acme`. */
export const INSTALLATION_UUID = 'a8e5d37a-696c-4c54-adb5-b3f28d64c7de';
export const ISSUE_ID = '1170820242';

/** A 40-hex-digit commit SHA made of one byte repeated: `sha(0xa1)` = `a1a1…`. */
export const sha = (n: number): string => n.toString(16).padStart(2, '0').repeat(20);

/** The start of acme/web's `.github/faultline.yml`: its Sentry project and how webpack stack paths map to the repo. */
export const WEB_SENTRY_CONFIG_YAML = `sentry:
  org: acme
  projects: [web]
paths:
  - from: "webpack://web/./"
    to: ""
`;
