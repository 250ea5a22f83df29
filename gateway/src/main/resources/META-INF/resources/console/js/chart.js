// The unit dashboard's chart of score and satisfaction index over the trend's periods, drawn with ECharts
// (loaded by index.html as a classic script: window.echarts). The data preparation is pure, so the
// component tests check it under node; only drawTrend touches the DOM.

/**
 * The trend as chart series: {periods, scores, indices, scored, indexed}, one entry a period oldest
 * first; a period without a score (no scorecard, or insufficient data) or without a satisfaction index
 * (no surveys) is null, so the line shows a gap there instead of joining its neighbours.
 */
export function trendSeries(trend) {
    const points = (trend && trend.points) || [];
    const periods = [];
    const scores = [];
    const indices = [];
    for (const point of points) {
        periods.push(point.period);
        scores.push(isNumber(point.score) ? point.score : null);
        indices.push(isNumber(point.satisfactionIndex) ? point.satisfactionIndex : null);
    }
    return {
        periods,
        scores,
        indices,
        scored: scores.filter((s) => s !== null).length,
        indexed: indices.filter((s) => s !== null).length,
    };
}

function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
}

/** The ECharts option for the series: both lines on one 0-100 axis (a score and an index are both 0-100). */
export function chartOption(series) {
    return {
        animation: false,
        tooltip: {trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? 'no data' : v.toFixed(1))},
        legend: {data: ['Score', 'Satisfaction index'], bottom: 0},
        grid: {left: 40, right: 16, top: 16, bottom: 48},
        xAxis: {type: 'category', data: series.periods, boundaryGap: false},
        yAxis: {type: 'value', min: 0, max: 100},
        series: [
            {
                name: 'Score',
                type: 'line',
                data: series.scores,
                connectNulls: false,
                showAllSymbol: true,
                symbolSize: 7,
            },
            {
                name: 'Satisfaction index',
                type: 'line',
                data: series.indices,
                connectNulls: false,
                showAllSymbol: true,
                symbolSize: 7,
                lineStyle: {type: 'dashed'},
            },
        ],
    };
}

/**
 * Draws the trend into the container and marks it `data-points="<periods with a score>"` once drawn
 * (the browser tests wait for that). Returns the cleanup that disposes the chart. Without ECharts (the
 * script failed to load) it says so in words and leaves data-points unset: nothing was drawn.
 */
export function drawTrend(container, trend, echarts = globalThis.echarts) {
    const series = trendSeries(trend);
    if (!echarts) {
        container.textContent = 'The chart library (ECharts) did not load; the trend is in the table below.';
        return () => {};
    }
    const chart = echarts.init(container, null, {renderer: 'svg'});
    chart.setOption(chartOption(series));
    container.setAttribute('data-points', String(series.scored));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
    };
}
