// Component tests of the console's formatting (format.js), run by ConsoleComponentsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    formatBusinessTime, formatDateTime, formatDuration, formatEnum, formatPercent, formatRate, formatScore, parseIsoDuration,
} from '../../main/resources/META-INF/resources/console/js/format.js';

test('durations read as at most two units', () => {
    assert.equal(formatDuration(2 * 86400 + 3 * 3600 + 59), '2 d 3 h');
    assert.equal(formatDuration(2 * 86400), '2 d');
    assert.equal(formatDuration(3600 + 5 * 60 + 30), '1 h 5 min');
    assert.equal(formatDuration(3 * 3600), '3 h');
    assert.equal(formatDuration(45 * 60 + 59), '45 min');
    assert.equal(formatDuration(30), '30 s');
    assert.equal(formatDuration(0), '0 s');
});

test('overdue durations carry a minus', () => {
    assert.equal(formatDuration(-(3600 + 5 * 60)), '-1 h 5 min');
    assert.equal(formatDuration(-59), '-59 s');
    assert.equal(formatDuration(-(3 * 86400 + 7200)), '-3 d 2 h');
});

test('absent values show as a dash, not NaN', () => {
    for (const f of [formatDuration, formatScore, formatPercent, formatRate, formatDateTime]) {
        assert.equal(f(null), '—');
        assert.equal(f(undefined), '—');
    }
    assert.equal(formatDuration('abc'), '—');
    assert.equal(formatEnum(''), '—');
});

test('instants are shown in UTC to the minute', () => {
    assert.equal(formatDateTime('2026-03-06T16:00:00Z'), '2026-03-06 16:00 UTC');
    assert.equal(formatDateTime('2026-03-06T18:30:59+02:00'), '2026-03-06 16:30 UTC');
    assert.equal(formatDateTime('not a time'), 'not a time');
});

test('scores have one decimal, percentages a unit', () => {
    assert.equal(formatScore(84.46), '84.5');
    assert.equal(formatScore(90), '90.0');
    assert.equal(formatScore(0), '0.0');
    assert.equal(formatPercent(37.25), '37.3 %');
    assert.equal(formatRate(0.845), '84.5 %');
});

test('enum values read as words', () => {
    assert.equal(formatEnum('WAITING_ON_CUSTOMER'), 'waiting on customer');
});

test('ISO-8601 durations of days and times parse to seconds', () => {
    assert.equal(parseIsoDuration('PT2H'), 7200);
    assert.equal(parseIsoDuration('P1DT4H30M'), 86400 + 4 * 3600 + 1800);
    assert.equal(parseIsoDuration('PT0.5S'), 0.5);
    assert.equal(parseIsoDuration('-PT1M'), -60);
    assert.equal(parseIsoDuration('P1M'), null, 'months have no fixed length');
    assert.equal(parseIsoDuration('PT'), null);
    assert.equal(parseIsoDuration(null), null);
});

test('business time is counted in hours, never in days', () => {
    assert.equal(formatBusinessTime(24 * 3600), '24 h');
    assert.equal(formatBusinessTime(120 * 3600), '120 h');
    assert.equal(formatBusinessTime(7 * 3600 + 30 * 60), '7 h 30 min');
    assert.equal(formatBusinessTime(45 * 60), '45 min');
    assert.equal(formatBusinessTime(-90 * 60), '-1 h 30 min');
    assert.equal(formatBusinessTime(null), '—');
});
