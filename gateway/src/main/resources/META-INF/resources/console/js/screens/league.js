// League tables (#/league): a period's units ranked by score or satisfaction index, filtered by unit
// type, level and parent, with movement against the previous period, ties, real gaps (beyond the
// confidence intervals) and the units with insufficient data listed as such, unranked.
import { api } from '../api.js';
import { registerScreen } from '../app.js';
import { lastEndedMonth, leagueRows } from '../explain.js';
import { formatEnum } from '../format.js';
import { can, loadPermissions } from '../permissions.js';
import { el, loading, replace, showProblem } from '../ui.js';
import { useScreenStyles } from './styles.js';

const UNIT_TYPES = [
    'COMPANY',
    'CITY_BRANCH',
    'COUNTY_BRANCH',
    'SERVICE_HALL',
    'HOTLINE',
    'ONLINE_SERVICE',
    'FIELD_TEAM',
    'ACCOUNT_MANAGEMENT_TEAM',
];

/** The deepest level offered; the hierarchy is company > branches > halls and teams. */
const DEEPEST_LEVEL = 5;

/** A month, a quarter or a year, as the API takes it. */
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

// The choices survive leaving the screen, so coming back shows the same table again.
let last = null;

function select(testid, label, options, value) {
    return el('label', {}, label, ' ',
        el('select', { 'data-testid': testid, name: testid },
            options.map(([v, text]) => el('option', { value: v, selected: v === value }, text))));
}

function movementCell(row) {
    const m = row.movement;
    return el('span', { class: `movement ${m.kind}`, 'data-testid': 'movement', 'data-movement': m.kind, title: m.title },
        m.text);
}

function valueCell(row, metric) {
    if (!row.ranked) {
        return el('span', { class: 'insufficient', 'data-testid': 'insufficient-data' },
            `insufficient data: ${row.insufficientDataReason}`);
    }
    const interval = row.interval ? el('span', { class: 'meta' }, ` (95 % CI ${row.interval}, n = ${row.sampleSize})`) : null;
    const noise = row.withinInterval
        ? el('span', { class: 'noise', 'data-testid': 'within-interval', title: 'Within the confidence interval of the unit above: the order may be noise' }, ' ≈')
        : null;
    return [el('strong', {}, row.value), metric === 'SATISFACTION_INDEX' ? interval : null, noise];
}

function previousCell(row) {
    if (row.previousRank === undefined || row.previousRank === null) {
        return '—';
    }
    return `#${row.previousRank}`;
}

function tableElement(table, rows, onParent) {
    const metric = table.metric || 'SCORE';
    const valueLabel = metric === 'SATISFACTION_INDEX' ? 'Satisfaction index' : 'Score';
    const header = el('tr', {}, ['Rank', 'Move', 'Unit', 'Type', 'Level', valueLabel, 'Grade', `Rank ${table.previousPeriod || 'before'}`, '']
        .map((h) => el('th', { scope: 'col' }, h)));
    const body = rows.map((row) => el('tr', {
        'data-testid': 'league-row',
        'data-rank': row.ranked ? String(row.rank) : '',
        'data-unit-id': row.unitId,
        'data-status': row.ranked ? 'RANKED' : 'INSUFFICIENT_DATA',
        class: [row.ranked ? '' : 'unranked', row.gapAbove ? 'gap-above' : '', row.tied ? 'tied' : ''].filter(Boolean).join(' '),
        title: row.gapAbove ? 'A real difference to the unit above: their confidence intervals do not overlap'
            : row.withinInterval ? 'The difference to the unit above lies within the confidence intervals: it may be noise' : null,
    },
    el('td', { class: 'rank', title: row.tied ? `Tied at rank ${row.rank}` : null }, row.rankText),
    el('td', {}, movementCell(row)),
    el('td', {}, el('a', { href: `#/units/${encodeURIComponent(row.unitId)}`, 'data-testid': 'league-unit' }, row.unitName || row.unitCode),
        ' ', el('code', {}, row.unitCode)),
    el('td', {}, formatEnum(row.unitType)),
    el('td', {}, String(row.level)),
    el('td', {}, valueCell(row, metric)),
    el('td', {}, row.grade || '—'),
    el('td', {}, previousCell(row)),
    el('td', {}, el('button', { type: 'button', class: 'link', title: 'Rank the units directly below this one',
        onclick: () => onParent(row) }, 'below ›'))));
    const legend = rows.some((r) => r.gapAbove || r.withinInterval)
        ? el('p', { class: 'meta', 'data-testid': 'league-legend' },
            'A thick line above a row: a real difference to the unit above (their 95 % confidence intervals do not overlap). ',
            '≈: within the confidence interval of the unit above, so the order may be noise.')
        : null;
    return [el('div', { class: 'table-wrap' }, el('table', { class: 'grid league', 'data-testid': 'league-table' },
        el('thead', {}, header),
        el('tbody', {}, body.length > 0 ? body
            : el('tr', { class: 'empty' }, el('td', { colspan: '9' }, 'No unit matches these filters.'))))), legend];
}

function summary(table) {
    const what = table.metric === 'SATISFACTION_INDEX' ? 'satisfaction index' : 'score';
    const filters = [
        table.unitType ? formatEnum(table.unitType) : null,
        table.level !== undefined && table.level !== null ? `level ${table.level}` : null,
    ].filter(Boolean).join(', ');
    return el('p', { 'data-testid': 'league-summary' },
        `${table.period} by ${what}${filters ? ` (${filters})` : ''}: ${table.ranked} ranked, `,
        `${table.insufficientData} with insufficient data; movement against ${table.previousPeriod || 'the previous period'}.`);
}

function recomputeHint(error, period) {
    if (error && error.reason === 'PERIOD_NOT_SCORED' && can('POST', '/api/v1/scorecards:recompute')) {
        return el('p', {}, el('a', { href: `#/recompute?period=${encodeURIComponent(period)}`, 'data-testid': 'league-recompute' },
            `Recompute ${period}`), ' to score it first.');
    }
    return null;
}

registerScreen('league', {
    title: 'League tables',
    nav: { label: 'League tables', order: 20, requires: ['GET', '/api/v1/leagueTables'] },
    render(container, params = {}) {
        useScreenStyles();
        const state = {
            period: params.period || (last && last.period) || lastEndedMonth(),
            unitType: params.unitType || (last && last.unitType) || '',
            level: params.level !== undefined ? String(params.level) : (last ? last.level : ''),
            parent: params.parentUnitId ? { id: params.parentUnitId, label: params.parentUnitId } : (last ? last.parent : null),
            metric: params.metric || (last && last.metric) || 'SCORE',
        };
        const periodInput = el('input', {
            type: 'text', value: state.period, 'data-testid': 'league-period', name: 'period', size: '8',
            placeholder: '2026-03', title: 'A month (2026-03), quarter (2026-Q1) or year (2026)',
        });
        const typeSelect = select('league-unit-type', 'Unit type', [['', 'every type'], ...UNIT_TYPES.map((t) => [t, formatEnum(t)])], state.unitType);
        const levelOptions = [['', 'every level'], ...Array.from({ length: DEEPEST_LEVEL + 1 }, (_, i) => [String(i), i === 0 ? '0 (top)' : String(i)])];
        const levelSelect = select('league-level', 'Level', levelOptions, state.level);
        const metricSelect = select('league-metric', 'Rank by', [['SCORE', 'score'], ['SATISFACTION_INDEX', 'satisfaction index']], state.metric);
        const parentSlot = el('span', { class: 'parent-filter' });
        const message = el('div', {});
        const result = el('div', {});
        let generation = 0;

        const showParent = () => {
            replace(parentSlot, state.parent
                ? el('span', { class: 'chip', 'data-testid': 'league-parent' }, `below ${state.parent.label} `,
                    el('button', { type: 'button', class: 'link', title: 'Every parent', onclick: () => { state.parent = null; showParent(); load(); } }, '✕'))
                : null);
        };

        const load = async () => {
            state.period = periodInput.value.trim();
            state.unitType = typeSelect.querySelector('select').value;
            state.level = levelSelect.querySelector('select').value;
            state.metric = metricSelect.querySelector('select').value;
            replace(message);
            if (!PERIOD.test(state.period)) {
                showProblem(message, new Error('The period must be a month (2026-03), a quarter (2026-Q1) or a year (2026).'));
                return;
            }
            last = { ...state };
            const mine = ++generation;
            loading(result, `Loading the league table of ${state.period}…`);
            try {
                const table = await api('GET', '/api/v1/leagueTables', {
                    query: {
                        period: state.period,
                        unitType: state.unitType || undefined,
                        level: state.level === '' ? undefined : state.level,
                        parentUnitId: state.parent ? state.parent.id : undefined,
                        metric: state.metric,
                    },
                });
                if (mine !== generation) {
                    return;
                }
                const rows = leagueRows(table);
                replace(result, summary(table), tableElement(table, rows, (row) => {
                    state.parent = { id: row.unitId, label: row.unitName || row.unitCode };
                    levelSelect.querySelector('select').value = '';
                    showParent();
                    load();
                }));
            } catch (error) {
                if (mine === generation) {
                    await loadPermissions().catch(() => {});
                    replace(result);
                    showProblem(message, error);
                    const hint = recomputeHint(error, state.period);
                    if (hint) {
                        message.append(hint);
                    }
                }
            }
        };

        const form = el('form', {
            class: 'filters',
            onsubmit: (event) => {
                event.preventDefault();
                load();
            },
        },
        el('label', {}, 'Period ', periodInput), ' ', typeSelect, ' ', levelSelect, ' ', metricSelect, ' ', parentSlot, ' ',
        el('button', { type: 'submit', 'data-testid': 'league-load' }, 'Show'));

        container.append(el('h2', {}, 'League tables'), form, message, result);
        showParent();
        if (last || params.period) {
            load();
        }
        return () => {
            generation += 1;
        };
    },
});
