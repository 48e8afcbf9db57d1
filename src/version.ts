/** The faultline version, sent as the User-Agent and shown by `faultline --version`. */
export const VERSION = '0.1.0';
