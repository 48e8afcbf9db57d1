// Strings that must never reach a GitHub issue; the e2e suite plants the same set in an event.
export const PLANTED = {
  email: 'jane.doe@example.com',
  ipv4: '203.0.113.77',
  ipv6: '2001:db8:85a3::8a2e:370:7334',
  bearer: 'Bearer abcdef0123456789abcdef',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  card: '4111 1111 1111 1111',
  githubToken: 'ghp_0123456789abcdefghijABCDEFGHIJ012345',
  sentryToken: 'sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8ifQ_abcdef',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  password: 'hunter2-very-secret',
  apiKey: 'k-7731-zzq-api-value',
  cookie: 'sessionid=38afes7a8',
};
