/** Configs the alert rule tests share. */

/** The config issue 15 says must work as written. */
export const CONTRACT_YAML = `sentry:
  org: acme
  projects: [web]
alerts:
  issue:
    - name: New issue in production
      when: [new-issue]
      environment: production
      notify: [faultline]
    - name: Regression
      when: [regression]
      notify: [faultline]
    - name: Error burst
      when: [{ events: 10, per: 5m }]
      environment: production
      notify: [faultline, email:owners]
  metric:
    - name: High error rate
      project: web
      measure: errors          # also: users, failure-rate, p95(transaction.duration), crash-free-sessions
      window: 5m
      critical: { above: 100 }
      warning: { above: 50 }
      notify: [faultline]
`;

/**
 * Every example teams give: a new issue, a regression, more than 10 events in 5 minutes in production, more than
 * 100 errors in 5 minutes, p95 latency above a threshold, a crash-free rate, a failure rate.
 */
export const EVERY_EXAMPLE_YAML = `sentry:
  org: acme
  projects: [web]
alerts:
  issue:
    - name: New issue
      when: [new-issue]
      notify: [faultline]
    - name: Regression
      when: [regression]
      notify: [faultline, email:owners]
    - name: Burst in production
      when: [{ events: 10, per: 5m }]
      environment: production
      level: ">=error"
      notify: [faultline, email:team:backend]
      every: 1h
  metric:
    - name: Errors over 100
      measure: errors
      window: 5m
      critical: { above: 100, resolve: 40 }
      warning: { above: 50 }
      notify: [faultline, email:team:backend]
    - name: Slow p95
      measure: p95(transaction.duration)
      window: 10m
      environment: production
      query: transaction:/checkout
      critical: { above: 1500 }
      notify: [faultline]
    - name: Crash free sessions
      measure: crash-free-sessions
      window: 1h
      critical: { below: 99 }
      warning: { below: 99.5 }
      notify: ["email:member:ada@example.com"]
    - name: Failure rate
      measure: failure-rate
      window: 15m
      critical: { above: 0.05 }
      notify: [faultline]
`;
