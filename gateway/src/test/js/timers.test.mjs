// Component tests of the deadline timers (timers.js), run by ConsoleComponentsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DUE_SOON_SECONDS, deadlineState, skewFrom } from '../../main/resources/META-INF/resources/console/js/timers.js';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const at = (iso) => Date.parse(iso);

test('a deadline far off is running, with the time left in words', () => {
    const s = deadlineState({ kind: 'RESOLVE', dueTime: '2026-03-08T15:00:00Z' }, NOW, 0);
    assert.equal(s.state, 'running');
    assert.equal(s.secondsLeft, 2 * 86400 + 3 * 3600);
    assert.equal(s.text, '2 d 3 h left');
});

test('less than an hour left is due-soon', () => {
    const s = deadlineState({ dueTime: '2026-03-06T12:45:00Z' }, NOW, 0);
    assert.equal(s.state, 'due-soon');
    assert.equal(s.secondsLeft, 45 * 60);
    assert.equal(s.text, '45 min left');
    assert.equal(deadlineState({ dueTime: '2026-03-06T13:00:00Z' }, NOW, 0).state, 'running', 'exactly an hour is not yet due soon');
    assert.equal(DUE_SOON_SECONDS, 3600);
});

test('a passed due time is overdue, with a negative secondsLeft', () => {
    const s = deadlineState({ dueTime: '2026-03-06T10:55:00Z' }, NOW, 0);
    assert.equal(s.state, 'overdue');
    assert.equal(s.secondsLeft, -(3600 + 5 * 60));
    assert.equal(s.text, 'overdue by 1 h 5 min');
});

test('the due moment itself is not yet overdue; a second later it is', () => {
    assert.equal(deadlineState({ dueTime: '2026-03-06T12:00:00Z' }, NOW, 0).state, 'due-soon');
    assert.equal(deadlineState({ dueTime: '2026-03-06T12:00:00Z' }, NOW + 1000, 0).state, 'overdue');
});

test('a met deadline is met, on time or late, and has no time left', () => {
    const onTime = deadlineState({ dueTime: '2026-03-06T10:00:00Z', metTime: '2026-03-06T09:00:00Z', breached: false }, NOW, 0);
    assert.deepEqual(onTime, { state: 'met', secondsLeft: null, text: 'met 2026-03-06 09:00 UTC' });
    const late = deadlineState({ dueTime: '2026-03-06T10:00:00Z', metTime: '2026-03-06T11:00:00Z', breached: true }, NOW, 0);
    assert.equal(late.state, 'met');
    assert.equal(late.text, 'met late 2026-03-06 11:00 UTC');
});

test('a paused deadline says so, whatever its due time', () => {
    const ahead = deadlineState({ dueTime: '2026-03-07T12:00:00Z', paused: true }, NOW, 0);
    assert.equal(ahead.state, 'paused');
    assert.equal(ahead.secondsLeft, 86400);
    assert.equal(ahead.text, 'paused, 1 d left');
    const passed = deadlineState({ dueTime: '2026-03-06T11:00:00Z', paused: true }, NOW, 0);
    assert.equal(passed.state, 'paused');
    assert.equal(passed.text, 'paused, overdue by 1 h');
});

test('a breached deadline is overdue even before the browser clock reaches it', () => {
    const s = deadlineState({ dueTime: '2026-03-06T12:30:00Z', breached: true }, NOW, 0);
    assert.equal(s.state, 'overdue');
});

test('time is counted on the gateway clock: a browser 10 minutes behind sees the deadline as the server does', () => {
    const due = { dueTime: '2026-03-06T12:05:00Z' };
    const browserBehind = NOW - 10 * 60 * 1000;
    const skew = NOW - browserBehind;
    assert.equal(deadlineState(due, browserBehind, 0).secondsLeft, 15 * 60, 'without the skew it looks later');
    assert.equal(deadlineState(due, browserBehind, skew).secondsLeft, 5 * 60);
    const browserAhead = NOW + 10 * 60 * 1000;
    assert.equal(deadlineState(due, browserAhead, 0).state, 'overdue', 'without the skew it looks overdue');
    assert.equal(deadlineState(due, browserAhead, NOW - browserAhead).state, 'due-soon');
});

test('the skew comes from a server instant and the moment it arrived', () => {
    assert.equal(skewFrom('2026-03-06T12:00:05Z', at('2026-03-06T12:00:00Z')), 5000);
    assert.equal(skewFrom('2026-03-06T11:59:58Z', at('2026-03-06T12:00:00Z')), -2000);
    assert.equal(skewFrom('garbage', NOW), 0);
});

test('a deadline without a due time does not throw', () => {
    assert.equal(deadlineState({ kind: 'RESOLVE' }, NOW, 0).text, 'no due time');
    assert.equal(deadlineState(null, NOW, 0).state, 'met');
});
