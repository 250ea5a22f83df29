// Component tests of the dashboard chart's data: a period without data is a gap (null), never a zero.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chartOption, drawTrend, trendSeries} from '../../main/resources/META-INF/resources/console/js/chart.js';

const trend = {
    unitId: 'u-1',
    points: [
        {period: '2025-04'},
        {period: '2025-05', status: 'SCORED', score: 71.25, satisfactionIndex: 80, scorecardId: 's1'},
        {period: '2025-06', status: 'INSUFFICIENT_DATA', scorecardId: 's2', satisfactionIndex: 77.5},
        {period: '2025-07', status: 'SCORED', score: 0, scorecardId: 's3'},
    ],
};

test('trendSeries keeps the periods in order with nulls for the gaps', () => {
    assert.deepEqual(trendSeries(trend), {
        periods: ['2025-04', '2025-05', '2025-06', '2025-07'],
        scores: [null, 71.25, null, 0],
        indices: [null, 80, 77.5, null],
        scored: 2,
        indexed: 2,
    });
});

test('trendSeries of an absent or empty trend is empty', () => {
    assert.deepEqual(trendSeries(undefined), {periods: [], scores: [], indices: [], scored: 0, indexed: 0});
    assert.deepEqual(trendSeries({points: []}).periods, []);
});

test('the chart shows both series on one 0-100 axis without joining gaps', () => {
    const option = chartOption(trendSeries(trend));
    assert.deepEqual(option.xAxis.data, ['2025-04', '2025-05', '2025-06', '2025-07']);
    assert.equal(option.yAxis.min, 0);
    assert.equal(option.yAxis.max, 100);
    assert.deepEqual(option.series.map((s) => s.name), ['Score', 'Satisfaction index']);
    assert.ok(option.series.every((s) => s.connectNulls === false));
    assert.deepEqual(option.series[0].data, [null, 71.25, null, 0]);
    assert.equal(option.tooltip.valueFormatter(null), 'no data');
    assert.equal(option.tooltip.valueFormatter(71.25), '71.3');
});

test('drawTrend marks the container with the periods that have a score, once drawn', () => {
    const attributes = {};
    const container = {setAttribute: (k, v) => { attributes[k] = v; }};
    let option = null;
    let disposed = false;
    const fakeEcharts = {
        init: () => ({setOption: (o) => { option = o; }, resize: () => {}, dispose: () => { disposed = true; }}),
    };
    globalThis.window = {addEventListener: () => {}, removeEventListener: () => {}};
    try {
        const cleanup = drawTrend(container, trend, fakeEcharts);
        assert.equal(attributes['data-points'], '2');
        assert.deepEqual(option.series[1].data, [null, 80, 77.5, null]);
        cleanup();
        assert.ok(disposed);
    } finally {
        delete globalThis.window;
    }
});

test('without ECharts drawTrend says so and sets no data-points', () => {
    const container = {textContent: '', setAttribute: () => assert.fail('nothing was drawn')};
    drawTrend(container, trend, null);
    assert.match(container.textContent, /did not load/);
});
