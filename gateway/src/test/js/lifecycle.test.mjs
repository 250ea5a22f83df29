// Component tests of the complaint moves offered (lifecycle.js), run by ConsoleComponentsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { movesFor } from '../../main/resources/META-INF/resources/console/js/lifecycle.js';

const everything = () => true;
const verbs = (complaint, permitted = everything) => movesFor(complaint, permitted).map((m) => m.verb);

test('each status offers the moves the lifecycle allows from it', () => {
    assert.deepEqual(verbs({ status: 'RECEIVED' }), ['acknowledge', 'startInvestigation', 'escalate', 'withdraw']);
    assert.deepEqual(verbs({ status: 'ACKNOWLEDGED' }), ['startInvestigation', 'escalate', 'withdraw']);
    assert.deepEqual(verbs({ status: 'INVESTIGATING' }), ['waitOnCustomer', 'resolve', 'escalate', 'withdraw']);
    assert.deepEqual(verbs({ status: 'WAITING_ON_CUSTOMER' }), ['resume', 'escalate', 'withdraw']);
    assert.deepEqual(verbs({ status: 'RESOLVED' }), ['close', 'reopen', 'recordSatisfaction']);
    assert.deepEqual(verbs({ status: 'CLOSED' }), ['reopen', 'recordSatisfaction']);
    assert.deepEqual(verbs({ status: 'WITHDRAWN' }), []);
});

test('a call-back is recorded only after a low score, once', () => {
    assert.deepEqual(verbs({ status: 'CLOSED', satisfaction: 2 }), ['reopen', 'recordCallBack']);
    assert.deepEqual(verbs({ status: 'CLOSED', satisfaction: 4 }), ['reopen']);
    assert.deepEqual(verbs({ status: 'CLOSED', satisfaction: 1, callBackOutcome: 'apologised' }), ['reopen']);
});

test('a move the roles may not make is not offered', () => {
    const asked = [];
    const onlyAcknowledge = (method, path) => {
        asked.push(`${method} ${path}`);
        return path.endsWith(':acknowledge');
    };
    assert.deepEqual(verbs({ status: 'RECEIVED' }, onlyAcknowledge), ['acknowledge']);
    assert.ok(asked.includes('POST /api/v1/complaints/{id}:withdraw'), 'asked with the path template of the operation');
});
