import { describe, expect, it } from 'vitest';
import {
  carriesMarker,
  findIssueMarker,
  incidentMarker,
  issueMarker,
  marker,
  readMarker,
  readMarkers,
  regressionMarker,
  statusLineStart,
} from './markers.ts';

describe('markers', () => {
  it('writes the strings already on GitHub, byte for byte', () => {
    expect(issueMarker('1170820242')).toBe('<!-- faultline:sentry-issue:1170820242 -->');
    expect(statusLineStart).toBe('<!-- faultline:status -->');
    expect(marker('config-error')).toBe('<!-- faultline:config-error -->');
    expect(regressionMarker('12')).toBe('<!-- faultline:regression sentry-issue=12 -->');
    expect(incidentMarker('12:7')).toBe('<!-- faultline:incident key=12:7 -->');
    expect(marker('sync', 'status=resolved@d-1')).toBe('<!-- faultline:sync status=resolved@d-1 -->');
  });

  it('reads both shapes with one parser', () => {
    const body = `${statusLineStart}\nbody\n${issueMarker('42')}`;
    expect(readMarkers(body)).toEqual([
      { kind: 'status', key: undefined },
      { kind: 'sentry-issue', key: '42' },
    ]);
    expect(findIssueMarker(body)).toBe('42');
    expect(readMarker(regressionMarker('9'))).toEqual({ kind: 'regression', key: 'sentry-issue=9' });
    expect(readMarker(body, 'sync')).toBeUndefined();
  });

  it('finds nothing in ordinary text or look-alikes', () => {
    expect(carriesMarker('a plain <!-- html comment --> here')).toBe(false);
    expect(carriesMarker(undefined)).toBe(false);
    expect(findIssueMarker('<!-- faultline:sentry-issue:42 --')).toBeUndefined();
  });
});

describe('findIssueMarker', () => {
  it('reads the last line only: a marker quoted higher up names nothing', () => {
    expect(findIssueMarker(`${issueMarker('7')}\nbody\n${issueMarker('42')}\n`)).toBe('42');
    expect(findIssueMarker(`${issueMarker('7')}\nbody`)).toBeUndefined();
    expect(findIssueMarker(`text ${issueMarker('7')}`)).toBeUndefined();
  });
});
