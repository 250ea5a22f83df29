// Component tests of the console's explanations: a scorecard point by point, league movement and ties,
// and a recompute's progress in words.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
    dashboardWarning,
    describeSource,
    explainScorecard,
    explanationText,
    lastEndedMonth,
    leagueRows,
    movement,
    number,
    operationId,
    operationProgress,
    partName,
} from '../../main/resources/META-INF/resources/console/js/explain.js';

const monthly = {
    id: 'sc-1',
    unitId: 'u-1',
    unitCode: 'HALL-1',
    period: '2026-03',
    status: 'SCORED',
    modelId: 'm-1',
    modelCode: 'SERVICE_HALL',
    modelVersion: 2,
    components: [
        {
            code: 'MYSTERY_SHOPPING',
            name: 'Mystery shopping',
            source: {
                inspectionScore: {
                    kind: 'MYSTERY_SHOPPING',
                    authorityWeights: [
                        {level: 'PROVINCIAL', weightBasisPoints: 6000},
                        {level: 'CITY', weightBasisPoints: 4000},
                    ],
                    failedCountsAsZero: true,
                },
            },
            weightBasisPoints: 5000,
            present: true,
            rawValue: 80,
            mappedValue: 80,
            mappingRule: 'direct: 80',
            effectiveWeightPercent: 62.5,
            contribution: 50,
            inputs: [{kind: 'INSPECTION', id: 'i-7', value: 80, detail: 'PROVINCIAL inspection score 80'}],
        },
        {
            code: 'TIMELINESS',
            name: 'Complaint timeliness',
            source: {complaintTimeliness: {}},
            weightBasisPoints: 3000,
            present: true,
            rawValue: 97.5,
            mappedValue: 100,
            mappingRule: 'target 95, floor 80: (97.5 - 80) / (95 - 80) x 100, capped at 100',
            effectiveWeightPercent: 37.5,
            contribution: 37.5,
            inputs: [{kind: 'COMPLAINT_STATISTICS', id: 'u-1/2026-03', value: 97.5}],
        },
        {
            code: 'SATISFACTION',
            name: 'Satisfaction',
            source: {satisfactionIndex: {segment: 'VIP', minSample: 30}},
            weightBasisPoints: 2000,
            present: false,
            missingReason: '12 responses, fewer than 30',
            effectiveWeightPercent: 0,
            contribution: 0,
        },
    ],
    weightedScore: 87.5,
    baseScore: 100,
    deductions: [
        {violationId: 'v-1', ruleCode: 'LATE_ORDER', points: 5, occurredTime: '2026-03-04T10:00:00Z'},
        {violationId: 'v-2', ruleCode: 'LATE_ORDER', points: 5, occurredTime: '2026-03-09T10:00:00Z'},
    ],
    deductionPoints: 8,
    deductionCapped: true,
    score: 79.5,
    grade: 'B',
    inputsFingerprint: 'ab12cd',
};

test('numbers drop trailing zeros and never show -0', () => {
    assert.equal(number(82.4), '82.4');
    assert.equal(number(30), '30');
    assert.equal(number(33.3333), '33.33');
    assert.equal(number(-0.001), '0');
    assert.equal(number(79.46, 1), '79.5');
    assert.equal(number(undefined), '—');
});

test('each kind of source is described in words', () => {
    assert.equal(
        describeSource(monthly.components[0].source),
        'Inspection score (MYSTERY_SHOPPING; PROVINCIAL 60 %, CITY 40 %; a failed inspection counts 0)');
    assert.equal(describeSource({satisfactionIndex: {}}), 'Satisfaction index (all segments)');
    assert.equal(
        describeSource({satisfactionIndex: {segment: 'VIP', minSample: 30}}),
        'Satisfaction index (segment VIP, at least 30 responses)');
    assert.equal(describeSource({indicator: {indicatorCode: 'WAIT_P90'}}), 'Indicator WAIT_P90');
    assert.equal(describeSource({complaintRate: {}}), 'Complaints per 10 000 customers served');
    assert.equal(describeSource({callBackCoverage: {}}), 'Call-backs made of those owed (%)');
});

test('a scored month is explained component by component, with inputs by id', () => {
    const e = explainScorecard(monthly);
    assert.equal(e.headline, '2026-03: score 79.5, grade B (model SERVICE_HALL v2)');
    assert.ok(e.scored);
    const [shopping, timeliness, satisfaction] = e.components;
    assert.equal(shopping.value, '80 → 80');
    assert.equal(shopping.weight, '62.5 % (declared 50 %)');
    assert.equal(shopping.contribution, '+50');
    assert.deepEqual(shopping.inputs.map((i) => i.id), ['i-7']);
    assert.equal(shopping.inputs[0].text, 'inspection i-7 = 80 (PROVINCIAL inspection score 80)');
    assert.equal(timeliness.value, '97.5 → 100');
    assert.equal(timeliness.rule, 'target 95, floor 80: (97.5 - 80) / (95 - 80) x 100, capped at 100');
    assert.equal(timeliness.text, 'Complaint timeliness: 97.5 → 100 × 37.5 % = 37.5 points');
    assert.equal(satisfaction.present, false);
    assert.equal(satisfaction.value, 'missing');
    assert.equal(satisfaction.missingReason, '12 responses, fewer than 30');
    assert.equal(satisfaction.weight, '0 % (declared 20 %)');
});

test('deductions name their violations and the cap says what it cut', () => {
    const e = explainScorecard(monthly);
    assert.deepEqual(e.deductions.map((d) => d.violationId), ['v-1', 'v-2']);
    assert.equal(e.deductions[0].text, '−5 points: rule LATE_ORDER, violation v-1');
    assert.equal(e.cap, 'The cap cut the deductions from 10 to 8 points.');
    assert.deepEqual(e.steps, [
        'Weighted score of the components: 87.5 of 100',
        'Deductions: −8 points (capped)',
        'Score: max(0, 87.5 − 8) = 79.5',
    ]);
    assert.equal(e.fingerprint, 'ab12cd');
});

test('a base score other than 100 shows the scaling step', () => {
    const e = explainScorecard({...monthly, baseScore: 120, deductions: [], deductionPoints: 0,
        deductionCapped: false, score: 105});
    assert.equal(e.cap, null);
    assert.deepEqual(e.steps, [
        'Weighted score of the components: 87.5 of 100',
        'Scaled to the base score 120: 87.5 × 120 / 100 = 105',
        'Score: max(0, 105 − 0) = 105',
    ]);
});

test('insufficient data gives the reasons and no score', () => {
    const e = explainScorecard({
        period: '2026-02', status: 'INSUFFICIENT_DATA', modelCode: 'SERVICE_HALL', modelVersion: 1,
        components: [], baseScore: 100, deductionPoints: 0, deductionCapped: false,
        insufficientDataReasons: ['no finalized inspection in the period', 'no survey responses'],
        inputsFingerprint: 'ff00',
    });
    assert.equal(e.scored, false);
    assert.equal(e.headline, '2026-02: insufficient data, no score (model SERVICE_HALL v1)');
    assert.deepEqual(e.insufficientDataReasons, ['no finalized inspection in the period', 'no survey responses']);
    assert.deepEqual(e.steps, []);
});

test('a roll-up lists its children and a quarter its months', () => {
    const rollUp = explainScorecard({
        period: '2026-03', status: 'SCORED', baseScore: 100, deductionPoints: 0, weightedScore: 75, score: 75,
        children: [
            {unitId: 'c1', unitCode: 'HALL-1', score: 80, present: true, customersServed: 300,
                effectiveWeightPercent: 50, contribution: 40},
            {unitId: 'c2', unitCode: 'HALL-2', score: 70, present: true, customersServed: 300,
                effectiveWeightPercent: 50, contribution: 35},
            {unitId: 'c3', unitCode: 'HALL-3', present: false, missingReason: 'insufficient data',
                effectiveWeightPercent: 0, contribution: 0},
        ],
    });
    assert.deepEqual(rollUp.children.map((c) => c.text), [
        'HALL-1: 80 × 50 % = 40 points',
        'HALL-2: 70 × 50 % = 35 points',
        'HALL-3: not counted (insufficient data)',
    ]);
    assert.equal(rollUp.steps[0], 'Weighted score of the children: 75 of 100');

    const quarter = explainScorecard({
        period: '2026-Q1', status: 'SCORED', baseScore: 100, deductionPoints: 0, score: 80,
        subPeriods: [
            {period: '2026-01', score: 70, present: true},
            {period: '2026-02', present: false, missingReason: 'no scorecard'},
            {period: '2026-03', score: 90, present: true},
        ],
    });
    assert.deepEqual(quarter.subPeriods.map((s) => s.text),
        ['2026-01: 70', '2026-02: not counted (no scorecard)', '2026-03: 90']);
    assert.deepEqual(quarter.steps, ['Mean of 2 of 3 periods: (70 + 90) / 2 = 80']);
});

test('the plain-text explanation has a line a point', () => {
    const text = explanationText(monthly);
    const lines = text.split('\n');
    assert.equal(lines[0], '2026-03: score 79.5, grade B (model SERVICE_HALL v2)');
    assert.ok(lines.includes('  input: inspection i-7 = 80 (PROVINCIAL inspection score 80)'));
    assert.ok(lines.includes('- Satisfaction: missing (12 responses, fewer than 30); its weight went to the others'));
    assert.ok(lines.includes('- −5 points: rule LATE_ORDER, violation v-2'));
    assert.equal(lines.at(-1), 'Inputs fingerprint: ab12cd');
});

test('league movement: up and down by places, same, new, and none when unranked', () => {
    assert.equal(movement({rank: 2, previousRank: 5, movement: 'UP', status: 'RANKED'}).text, '↑ 3');
    assert.equal(movement({rank: 4, previousRank: 1, movement: 'DOWN', status: 'RANKED'}).text, '↓ 3');
    assert.equal(movement({rank: 3, previousRank: 3, movement: 'SAME', status: 'RANKED'}).text, '→');
    assert.equal(movement({rank: 1, movement: 'NONE', status: 'RANKED'}).text, 'new');
    assert.equal(movement({status: 'INSUFFICIENT_DATA', movement: 'NONE', previousRank: 2}).kind, 'unranked');
});

test('league rows: ties share a rank, gaps beyond confidence are marked, insufficient data is unranked', () => {
    const rows = leagueRows({
        rows: [
            {rank: 1, status: 'RANKED', unitId: 'a', unitCode: 'A', value: 90.04, movement: 'SAME', previousRank: 1,
                differenceToAbove: 'NOT_APPLICABLE', confidenceInterval: {lower: 88, upper: 92.06}, sampleSize: 400},
            {rank: 2, status: 'RANKED', unitId: 'b', unitCode: 'B', value: 80, movement: 'UP', previousRank: 4,
                differenceToAbove: 'BEYOND_CONFIDENCE_INTERVAL', confidenceInterval: {lower: 78, upper: 82}},
            {rank: 2, status: 'RANKED', unitId: 'c', unitCode: 'C', value: 80, movement: 'NONE',
                differenceToAbove: 'NOT_APPLICABLE'},
            {rank: 4, status: 'RANKED', unitId: 'd', unitCode: 'D', value: 79, movement: 'DOWN', previousRank: 2,
                differenceToAbove: 'WITHIN_CONFIDENCE_INTERVAL'},
            {status: 'INSUFFICIENT_DATA', unitId: 'e', unitCode: 'E', movement: 'NONE',
                insufficientDataReason: '12 responses, fewer than 30', differenceToAbove: 'NOT_APPLICABLE'},
        ],
    });
    assert.deepEqual(rows.map((r) => r.rankText), ['1', '2', '=2', '4', '—']);
    assert.deepEqual(rows.map((r) => r.tied), [false, true, true, false, false]);
    assert.deepEqual(rows.map((r) => r.movement.text), ['→', '↑ 2', 'new', '↓ 2', '']);
    assert.deepEqual(rows.map((r) => r.gapAbove), [false, true, false, false, false]);
    assert.equal(rows[3].withinInterval, true);
    assert.equal(rows[0].value, '90');
    assert.equal(rows[0].interval, '88–92.1');
    assert.equal(rows[4].insufficientData, true);
    assert.equal(rows[4].rank, null);
    assert.equal(rows[4].insufficientDataReason, '12 responses, fewer than 30');
});

test('a recompute: starting, running, done with counts, failed and cancelled in words', () => {
    assert.deepEqual(operationProgress({name: 'operations/x', done: false, metadata: {stage: 'reading inputs'}}), {
        state: 'running', value: 0, max: 0, percent: 0, done: false, text: 'reading inputs: starting', summary: '',
    });
    const running = operationProgress({
        name: 'operations/x', done: false,
        metadata: {period: '2026-03', stage: 'scoring 2026-03', unitsTotal: 40, unitsDone: 10, progressPercent: 25},
    });
    assert.equal(running.text, 'scoring 2026-03: 10 of 40 units (25 %)');
    assert.equal(running.value, 10);
    assert.equal(running.max, 40);
    const done = operationProgress({
        name: 'operations/x', done: true, metadata: {period: '2026-03', unitsTotal: 40, unitsDone: 40},
        response: {period: '2026-03', scored: 37, insufficientData: 2, unscored: 1, unscoredUnits: []},
    });
    assert.equal(done.state, 'done');
    assert.equal(done.text, 'done');
    assert.equal(done.summary, '2026-03: 37 scored, 2 with insufficient data, 1 not scored');
    const failed = operationProgress({
        name: 'operations/x', done: true, metadata: {unitsTotal: 40, unitsDone: 3},
        error: {code: 'FAILED_PRECONDITION', message: 'no published scoring model', reason: 'NO_PUBLISHED_MODEL'},
    });
    assert.equal(failed.state, 'failed');
    assert.equal(failed.text, 'failed: no published scoring model (FAILED_PRECONDITION NO_PUBLISHED_MODEL)');
    assert.equal(operationProgress({done: true, error: {code: 'CANCELLED', message: 'cancelled by admin'}}).state,
        'cancelled');
    assert.equal(operationId({name: 'operations/8f0c'}), '8f0c');
});

test('the default period is the last ended month, across a year end', () => {
    assert.equal(lastEndedMonth(new Date('2026-12-01T02:00:00Z')), '2026-11');
    assert.equal(lastEndedMonth(new Date('2027-01-31T23:59:59Z')), '2026-12');
});

test('a failed dashboard part is told in words, naming the service once', () => {
    assert.equal(
        dashboardWarning({part: 'complaints', service: 'complaint-service', code: 'DEADLINE_EXCEEDED', status: 504,
            message: 'complaint-service did not answer within 2000 ms.'}),
        'Complaints could not be read: complaint-service did not answer within 2000 ms (504 DEADLINE_EXCEEDED)');
    assert.equal(
        dashboardWarning({part: 'rectificationOrders', service: 'inspection-service', code: 'UNAVAILABLE', status: 503,
            message: 'unavailable'}),
        'Rectification orders could not be read from inspection-service: unavailable (503 UNAVAILABLE)');
    assert.equal(dashboardWarning({part: 'trend', code: 'INTERNAL'}), 'The score trend could not be read (INTERNAL)');
    assert.equal(partName('supervisionOrders'), 'supervision orders');
});
