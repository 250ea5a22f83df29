// The unit dashboard (#/units/{id}): one call to GET /api/v1/units/{id}/dashboard, shown part by part.
// A part that failed is named in words at the top (dash-warnings) and its card says it could not be
// read; a part the role may not read (omitted) is left out quietly: that is by design, not an error.
import { api } from '../api.js';
import { registerScreen } from '../app.js';
import { drawTrend, trendSeries } from '../chart.js';
import { dashboardWarning, explainScorecard, number, partName } from '../explain.js';
import { formatDateTime, formatEnum, formatScore } from '../format.js';
import { deadlineTimer, skewFrom, startDeadlineTimers } from '../timers.js';
import { badge, el, fields, loading, replace, showProblem, table } from '../ui.js';
import { useScreenStyles } from './styles.js';

/** The month input's value: "YYYY-MM", the dashboard's period. */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function card(testid, title, ...children) {
    return el('section', { class: 'panel', 'data-testid': testid }, el('h3', {}, title), ...children);
}

/** The card body of a part that is absent: failed (with its warning), or simply not there. */
function absent(dashboard, part, emptyText) {
    const warning = (dashboard.warnings || []).find((w) => w.part === part);
    if (warning) {
        return el('p', { class: 'part-failed' }, `${dashboardWarning(warning)}.`);
    }
    return el('p', { class: 'empty' }, emptyText);
}

function unitLink(unit) {
    return el('a', { href: `#/units/${encodeURIComponent(unit.id)}` }, unit.name || unit.code);
}

function breadcrumb(dashboard) {
    const path = dashboard.path || [];
    if (path.length === 0) {
        return null;
    }
    const items = path.map((u, i) => el('li', {},
        i === path.length - 1 ? el('span', { 'aria-current': 'page' }, u.name || u.code) : unitLink(u)));
    return el('nav', { class: 'breadcrumb', 'aria-label': 'Hierarchy', 'data-testid': 'dash-path' },
        el('ol', {}, items));
}

function unitHeader(dashboard, unitId) {
    const unit = dashboard.unit;
    if (!unit) {
        return el('header', { class: 'dash-unit', 'data-testid': 'dash-unit' },
            el('h2', {}, `Unit ${unitId}`), absent(dashboard, 'unit', 'The unit could not be shown.'));
    }
    return el('header', { class: 'dash-unit', 'data-testid': 'dash-unit', 'data-unit-id': unit.id },
        el('h2', {}, unit.name, ' ', el('small', {}, unit.code)),
        el('p', { class: 'meta' },
            formatEnum(unit.type),
            unit.state && unit.state !== 'ACTIVE' ? [' · ', badge(formatEnum(unit.state), 'warn')] : null));
}

function warningsBlock(dashboard) {
    const warnings = dashboard.warnings || [];
    if (warnings.length === 0) {
        return null;
    }
    return el('div', { class: 'warnings', 'data-testid': 'dash-warnings', role: 'status' },
        el('p', {}, 'Part of this dashboard is missing; the rest is current.'),
        el('ul', {}, warnings.map((w) => el('li', { 'data-testid': 'dash-warning', 'data-part': w.part }, dashboardWarning(w)))));
}

function omittedNote(dashboard) {
    const omitted = dashboard.omitted || [];
    if (omitted.length === 0) {
        return null;
    }
    return el('p', { class: 'note', 'data-testid': 'dash-omitted' },
        `Not shown for your role: ${omitted.map(partName).join(', ')}.`);
}

// ---- Scorecard and its explanation ----

function componentsTable(rows) {
    return table([
        { label: 'Component', cell: (c) => [el('strong', {}, c.name), el('br'), el('code', {}, c.code)] },
        { label: 'Source', cell: (c) => c.source },
        {
            label: 'Inputs',
            cell: (c) => (c.inputs.length === 0 ? '—'
                : el('ul', { class: 'inputs' }, c.inputs.map((i) => el('li', { 'data-input-id': i.id }, i.text)))),
        },
        {
            label: 'Raw → mapped',
            cell: (c) => (c.present ? [c.value, c.rule ? el('div', { class: 'rule' }, c.rule) : null]
                : el('span', { class: 'missing' }, `missing: ${c.missingReason}`)),
        },
        { label: 'Weight', cell: (c) => c.weight },
        { label: 'Points', cell: (c) => c.contribution },
    ], rows, { rowAttrs: (c) => ({ 'data-testid': 'explanation-component', 'data-code': c.code, class: c.present ? '' : 'missing' }) });
}

function childrenTable(rows) {
    return table([
        { label: 'Child unit', cell: (c) => el('a', { href: `#/units/${encodeURIComponent(c.unitId)}` }, c.unitCode) },
        { label: 'Score', cell: (c) => (c.present ? c.score : el('span', { class: 'missing' }, `not counted: ${c.missingReason}`)) },
        { label: 'Customers served', cell: (c) => String(c.customersServed) },
        { label: 'Weight', cell: (c) => c.weight },
        { label: 'Points', cell: (c) => c.contribution },
    ], rows, { rowAttrs: () => ({ 'data-testid': 'explanation-child' }) });
}

function subPeriodsTable(rows) {
    return table([
        { label: 'Period', cell: (s) => s.period },
        { label: 'Score', cell: (s) => (s.present ? s.score : el('span', { class: 'missing' }, s.text)) },
    ], rows, { rowAttrs: () => ({ 'data-testid': 'explanation-period' }) });
}

function deductionsTable(rows) {
    return table([
        { label: 'Points', cell: (d) => d.points },
        { label: 'Rule', cell: (d) => el('code', {}, d.ruleCode) },
        { label: 'Violation', cell: (d) => el('code', {}, d.violationId) },
        { label: 'Occurred', cell: (d) => formatDateTime(d.occurredTime) },
    ], rows, { rowAttrs: (d) => ({ 'data-testid': 'explanation-deduction', 'data-violation-id': d.violationId }) });
}

/** The point-by-point explanation of a scorecard (data-testid="dash-explanation"). */
export function explanationElement(scorecard) {
    const e = explainScorecard(scorecard);
    return el('div', { class: 'explanation', 'data-testid': 'dash-explanation' },
        e.components.length > 0 ? [el('h4', {}, 'Components'), componentsTable(e.components)] : null,
        e.children.length > 0 ? [el('h4', {}, 'Roll-up of the units below'), childrenTable(e.children)] : null,
        e.subPeriods.length > 0 ? [el('h4', {}, 'Periods averaged'), subPeriodsTable(e.subPeriods)] : null,
        e.deductions.length > 0 ? [el('h4', {}, 'Deductions'), deductionsTable(e.deductions)] : null,
        e.cap ? el('p', { class: 'cap', 'data-testid': 'explanation-cap' }, e.cap) : null,
        e.steps.length > 0 ? el('ol', { class: 'steps', 'data-testid': 'explanation-steps' }, e.steps.map((s) => el('li', {}, s))) : null,
        e.insufficientDataReasons.length > 0
            ? [el('h4', {}, 'Why there is no score'),
                el('ul', { 'data-testid': 'insufficient-data' }, e.insufficientDataReasons.map((r) => el('li', {}, r)))]
            : null,
        el('p', { class: 'fingerprint' }, 'Inputs fingerprint (SHA-256): ',
            el('code', { 'data-testid': 'explanation-fingerprint' }, e.fingerprint || '—')),
        el('p', { class: 'meta' }, `Computed ${formatDateTime(e.computeTime)}`, e.operation ? ` by ${e.operation}` : ''));
}

function scorecardCard(dashboard) {
    const sc = dashboard.scorecard;
    if (!sc) {
        return card('dash-scorecard', 'Scorecard',
            absent(dashboard, 'scorecard', `No scorecard in the 12 months up to ${dashboard.period || 'now'}.`));
    }
    const e = explainScorecard(sc);
    return card('dash-scorecard', `Scorecard ${sc.period}`,
        el('p', { class: 'score-line' },
            e.scored ? el('span', { class: 'score', 'data-testid': 'dash-score' }, formatScore(sc.score))
                : badge('insufficient data', 'warn'),
            e.scored && sc.grade ? [' ', badge(`grade ${sc.grade}`, 'grade')] : null,
            ' ', el('span', { class: 'meta' }, sc.modelCode ? `model ${sc.modelCode} v${sc.modelVersion}` : '')),
        el('details', { open: true }, el('summary', {}, 'How this score came about'), explanationElement(sc)));
}

// ---- Trend ----

function trendTable(trend) {
    const s = trendSeries(trend);
    const rows = s.periods.map((p, i) => ({ period: p, score: s.scores[i], index: s.indices[i] }));
    return table([
        { label: 'Period', cell: (r) => r.period },
        { label: 'Score', cell: (r) => (r.score === null ? 'no data' : number(r.score, 1)) },
        { label: 'Satisfaction index', cell: (r) => (r.index === null ? 'no data' : number(r.index, 1)) },
    ], rows, { attrs: { 'data-testid': 'trend-table' } });
}

function trendCard(dashboard, cleanups) {
    if (!dashboard.trend) {
        return card('dash-trend', 'Score and satisfaction over 12 months',
            absent(dashboard, 'trend', 'No trend.'));
    }
    const chart = el('div', { class: 'chart', 'data-testid': 'trend-chart', role: 'img',
        'aria-label': 'Score and satisfaction index by period' });
    const series = trendSeries(dashboard.trend);
    const section = card('dash-trend', 'Score and satisfaction over 12 months', chart,
        series.scored === 0 && series.indexed === 0
            ? el('p', { class: 'empty' }, `No score and no satisfaction index in the ${series.periods.length} periods up to ${dashboard.period}.`)
            : null,
        el('details', {}, el('summary', {}, 'As a table'), trendTable(dashboard.trend)));
    // ECharts measures its container: draw once the card is in the document and laid out.
    requestAnimationFrame(() => {
        if (chart.isConnected) {
            cleanups.push(drawTrend(chart, dashboard.trend));
        }
    });
    return section;
}

// ---- Accreditation ----

function accreditationCard(dashboard) {
    const a = dashboard.accreditation;
    if (!a) {
        return card('dash-accreditation', 'Accreditation', absent(dashboard, 'accreditation', 'Not accredited.'));
    }
    const c = a.certification;
    const d = a.latestDecision;
    return card('dash-accreditation', 'Accreditation',
        c ? [
            el('p', {}, badge(formatEnum(c.status), c.status === 'ACTIVE' ? 'good' : 'bad'), ' ',
                `certification under ${c.rulesCode}`),
            fields([
                ['Granted', formatDateTime(c.grantTime)],
                ['Cycle ends', formatDateTime(c.validUntil)],
                [c.nextReviewIsReassessment ? 'Next: reassessment due' : 'Next review due', c.nextReviewDueTime ? formatDateTime(c.nextReviewDueTime) : null],
                ['Action plan due', c.actionPlanDueTime ? formatDateTime(c.actionPlanDueTime) : null],
                ['Action plan orders', c.actionPlanOrderIds && c.actionPlanOrderIds.length > 0 ? String(c.actionPlanOrderIds.length) : null],
            ]),
        ] : el('p', { class: 'empty' }, 'No certification.'),
        d ? el('div', { class: 'decision' },
            el('h4', {}, 'Latest decision'),
            fields([
                ['Outcome', formatEnum(d.outcome)],
                ['Decided', formatDateTime(d.decideTime)],
                ['Standard', d.standardCode ? `${d.standardCode} v${d.standardVersion}` : null],
                ['Findings', `${d.nonComplianceCount} non-compliant, ${d.partialComplianceCount} partial, ${d.compliancePlusCount} compliance plus`],
            ]),
            (d.reasons || []).length > 0 ? el('ul', {}, d.reasons.map((r) => el('li', {}, r))) : null)
            : null);
}

// ---- Complaints ----

function complaintsCard(dashboard, skewMillis) {
    const cs = dashboard.complaints;
    if (!cs) {
        return card('dash-complaints', 'Open complaints', absent(dashboard, 'complaints', 'No complaints.'));
    }
    const rows = cs.items || [];
    const shown = rows.length < cs.openCount ? ` (the ${rows.length} most urgent shown)` : '';
    return card('dash-complaints', 'Open complaints',
        el('p', {}, `${cs.openCount} open, `,
            el('strong', { class: cs.overdueCount > 0 ? 'bad' : '' }, `${cs.overdueCount} overdue`), shown),
        table([
            {
                label: 'Complaint',
                cell: (r) => el('a', { href: `#/complaints/${encodeURIComponent(r.complaint.id)}` },
                    r.complaint.reference || r.complaint.id),
            },
            { label: 'Category', cell: (r) => r.complaint.category || '—' },
            { label: 'Severity', cell: (r) => formatEnum(r.complaint.severity) },
            { label: 'Status', cell: (r) => formatEnum(r.complaint.status) },
            { label: 'Received', cell: (r) => formatDateTime(r.complaint.receiveTime) },
            {
                label: 'Deadlines',
                cell: (r) => el('ul', { class: 'deadlines' }, (r.deadlines || [])
                    .filter((dl) => !dl.metTime)
                    .map((dl) => el('li', {}, deadlineTimer(dl, { skewMillis, label: formatEnum(dl.kind) })))),
            },
        ], rows, {
            emptyText: 'No open complaints.',
            rowAttrs: (r) => ({
                'data-testid': 'dash-complaint',
                'data-complaint-id': r.complaint.id,
                class: r.overdue ? 'overdue' : '',
            }),
        }));
}

// ---- Orders and inspections ----

function dueCell(dueTime, skewMillis) {
    if (!dueTime) {
        return '—';
    }
    // Ticks with the complaints' timers; a test id of its own keeps deadline-timer for complaints.
    const timer = deadlineTimer({ dueTime }, { skewMillis });
    timer.setAttribute('data-testid', 'order-due');
    return [formatDateTime(dueTime), ' ', timer];
}

function rectificationTable(orders, overdue, skewMillis) {
    return table([
        { label: 'Order', cell: (o) => [o.description || '—', o.finding && o.finding.elementCode ? [' ', el('code', {}, o.finding.elementCode)] : null] },
        { label: 'Status', cell: (o) => formatEnum(o.status) },
        { label: 'Due', cell: (o) => dueCell(o.dueTime, skewMillis) },
    ], orders, {
        emptyText: overdue ? 'None overdue.' : 'None open.',
        rowAttrs: (o) => ({ 'data-testid': 'dash-order', 'data-order-kind': 'rectification', 'data-order-id': o.id,
            'data-overdue': String(overdue), class: overdue ? 'overdue' : '' }),
    });
}

function supervisionTable(orders, overdue, skewMillis) {
    return table([
        { label: 'Order', cell: (o) => [o.problem || '—', el('div', { class: 'meta' }, [o.issuer, formatEnum(o.authorityLevel)].filter(Boolean).join(' · '))] },
        { label: 'Status', cell: (o) => [formatEnum(o.status), o.reportOverdue ? [' ', badge('report overdue', 'bad')] : null] },
        { label: 'Due', cell: (o) => dueCell(o.dueTime, skewMillis) },
    ], orders, {
        emptyText: overdue ? 'None overdue.' : 'None open.',
        rowAttrs: (o) => ({ 'data-testid': 'dash-order', 'data-order-kind': 'supervision', 'data-order-id': o.id,
            'data-overdue': String(overdue), class: overdue ? 'overdue' : '' }),
    });
}

function ordersCard(dashboard, skewMillis) {
    const omitted = dashboard.omitted || [];
    const r = dashboard.rectificationOrders;
    const s = dashboard.supervisionOrders;
    const parts = [];
    if (!omitted.includes('rectificationOrders')) {
        parts.push(el('h4', {}, 'Rectification orders'));
        parts.push(r
            ? [el('h5', {}, `Overdue (${(r.overdue || []).length})`), rectificationTable(r.overdue || [], true, skewMillis),
                el('h5', {}, `Open (${(r.open || []).length})`), rectificationTable(r.open || [], false, skewMillis)]
            : absent(dashboard, 'rectificationOrders', 'None.'));
    }
    if (!omitted.includes('supervisionOrders')) {
        parts.push(el('h4', {}, 'Supervision orders'));
        parts.push(s
            ? [el('h5', {}, `Overdue (${(s.overdue || []).length})`), supervisionTable(s.overdue || [], true, skewMillis),
                el('h5', {}, `Open (${(s.open || []).length})`), supervisionTable(s.open || [], false, skewMillis)]
            : absent(dashboard, 'supervisionOrders', 'None.'));
    }
    return parts.length === 0 ? null : card('dash-orders', 'Orders', ...parts);
}

function inspectionsTable(list, overdue) {
    return table([
        { label: 'Inspection', cell: (i) => [formatEnum(i.kind), ' ', el('span', { class: 'meta' }, formatEnum(i.authorityLevel))] },
        { label: 'Standard', cell: (i) => (i.standardCode ? `${i.standardCode} v${i.standardVersion}` : '—') },
        { label: 'Window', cell: (i) => `${formatDateTime(i.windowStart)} – ${formatDateTime(i.windowEnd)}` },
        { label: 'Status', cell: (i) => [formatEnum(i.status), i.missed ? [' ', badge('missed', 'bad')] : null] },
    ], list, {
        emptyText: overdue ? 'None overdue.' : 'None coming up.',
        rowAttrs: (i) => ({ 'data-testid': 'dash-inspection', 'data-overdue': String(overdue), class: overdue ? 'overdue' : '' }),
    });
}

function inspectionsCard(dashboard) {
    const ins = dashboard.inspections;
    if (!ins) {
        return card('dash-inspections', 'Inspections', absent(dashboard, 'inspections', 'None.'));
    }
    return card('dash-inspections', 'Inspections',
        el('h5', {}, `Overdue (${(ins.overdue || []).length})`), inspectionsTable(ins.overdue || [], true),
        el('h5', {}, `Coming up (${(ins.upcoming || []).length})`), inspectionsTable(ins.upcoming || [], false));
}

// ---- The screen ----

function periodForm(current, onChange) {
    const input = el('input', { type: 'month', value: current || '', 'data-testid': 'dash-period', 'aria-label': 'Period' });
    return el('form', {
        class: 'filters',
        onsubmit: (event) => {
            event.preventDefault();
            if (input.value === '' || PERIOD.test(input.value)) {
                onChange(input.value);
            }
        },
    }, el('label', {}, 'Up to ', input), ' ', el('button', { type: 'submit' }, 'Show'));
}

function view(dashboard, unitId, receivedMillis, cleanups, reload) {
    const skewMillis = skewFrom(dashboard.asOf, receivedMillis);
    const omitted = dashboard.omitted || [];
    const show = (part, build) => (omitted.includes(part) ? null : build());
    return [
        breadcrumb(dashboard),
        unitHeader(dashboard, unitId),
        el('div', { class: 'toolbar' }, periodForm(dashboard.period, reload),
            el('span', { class: 'meta' }, ` as of ${formatDateTime(dashboard.asOf)}`)),
        warningsBlock(dashboard),
        omittedNote(dashboard),
        el('div', { class: 'dash-grid' },
            show('scorecard', () => scorecardCard(dashboard)),
            show('trend', () => trendCard(dashboard, cleanups)),
            show('accreditation', () => accreditationCard(dashboard)),
            show('complaints', () => complaintsCard(dashboard, skewMillis)),
            ordersCard(dashboard, skewMillis),
            show('inspections', () => inspectionsCard(dashboard))),
    ];
}

registerScreen('dashboard', {
    title: 'Unit dashboard',
    render(container, params = {}) {
        useScreenStyles();
        const unitId = params.id;
        const body = el('div', { class: 'dashboard' });
        container.append(body);
        let cleanups = [];
        let generation = 0;
        const stopAll = () => {
            cleanups.forEach((c) => c());
            cleanups = [];
        };
        const load = async (period) => {
            const mine = ++generation;
            stopAll();
            loading(body);
            try {
                const dashboard = await api('GET', `/api/v1/units/${encodeURIComponent(unitId)}/dashboard`,
                    { query: { period: period || undefined } });
                const received = Date.now();
                if (mine !== generation) {
                    return;
                }
                replace(body, view(dashboard, unitId, received, cleanups, load));
                cleanups.push(startDeadlineTimers(body));
            } catch (error) {
                if (mine === generation) {
                    showProblem(body, error);
                }
            }
        };
        load(params.period);
        return () => {
            generation += 1;
            stopAll();
        };
    },
});
