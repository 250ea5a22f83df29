// The standard browser: every standard version (/api/v1/standards), and one standard with its
// criteria > sub-criteria > elements, rating scale and the other versions of its code. Publishing,
// retiring and starting a new version are offered only to roles that may do them.
import { navigate, refresh, registerScreen } from '../app.js';
import { allItems, api } from '../api.js';
import { can } from '../permissions.js';
import { badge, el, fields, loading, problemElement, replace, showProblem, table } from '../ui.js';
import { formatDateTime, formatEnum } from '../format.js';

const STATUS_KIND = { PUBLISHED: 'good', DRAFT: 'warn', RETIRED: '' };

function statusBadge(status) {
    return badge(formatEnum(status), STATUS_KIND[status] || '');
}

function standardLink(s, text) {
    return el('a', { href: `#/standards/${encodeURIComponent(s.id)}` }, text);
}

registerScreen('standards', {
    title: 'Standards',
    nav: { label: 'Standards', order: 30, requires: ['GET', '/api/v1/standards'] },
    async render(container, params) {
        const status = el('select', { 'aria-label': 'Status' },
            ['', 'PUBLISHED', 'DRAFT', 'RETIRED'].map((v) => el('option', { value: v, selected: (params.status || '') === v },
                v ? formatEnum(v) : 'any status')));
        status.addEventListener('change', () => navigate(status.value ? `#/standards?status=${status.value}` : '#/standards'));
        const body = el('div');
        replace(container,
            el('h1', {}, 'Standards'),
            el('div', { class: 'toolbar' }, el('label', {}, 'Status', status)),
            body);
        loading(body);
        let standards;
        try {
            standards = await allItems('/api/v1/standards', { pageSize: 200, status: params.status });
        } catch (e) {
            showProblem(body, e);
            return;
        }
        standards.sort((a, b) => String(a.code).localeCompare(String(b.code)) || b.version - a.version);
        replace(body, el('div', { class: 'table-wrap' }, table([
            { label: 'Code', cell: (s) => standardLink(s, s.code) },
            { label: 'Version', cell: (s) => String(s.version) },
            { label: 'Title', cell: (s) => standardLink(s, s.title || s.code) },
            { label: 'Status', cell: (s) => statusBadge(s.status) },
            { label: 'Effective', cell: (s) => [s.effectiveFrom || '', s.effectiveUntil ? ` to ${s.effectiveUntil}` : ''].join('') },
            { label: 'Elements', cell: (s) => String(s.elementCount ?? '') },
            { label: 'Unit types', cell: (s) => (s.unitTypes || []).map(formatEnum).join(', ') },
        ], standards, {
            rowAttrs: (s) => ({ 'data-testid': 'standard-row', 'data-standard-id': s.id }),
            emptyText: 'No standards.',
        })));
    },
});

function elementView(e) {
    return el('div', { class: 'element', 'data-testid': 'element', 'data-code': e.code },
        el('strong', {}, e.code), ' ', e.title || '',
        e.mandatory ? [' ', badge('mandatory', 'warn')] : null,
        e.critical ? [' ', badge('critical', 'bad')] : null,
        e.weight ? el('span', { class: 'muted' }, ` · weight ${e.weight}`) : null,
        e.guidance ? el('div', { class: 'muted' }, e.guidance) : null);
}

function criterionView(c) {
    return el('section', { class: 'criterion', 'data-testid': 'criterion', 'data-code': c.code },
        el('h3', {}, `${c.code} ${c.title || ''}`, c.weight ? el('span', { class: 'muted' }, ` · weight ${c.weight}`) : null),
        c.description ? el('p', { class: 'muted' }, c.description) : null,
        (c.subCriteria || []).map((sc) => el('div', { class: 'sub-criterion', 'data-code': sc.code },
            el('h4', {}, `${sc.code} ${sc.title || ''}`),
            sc.description ? el('p', { class: 'muted' }, sc.description) : null,
            (sc.elements || []).map(elementView))));
}

function ratingScaleView(scale) {
    if (!scale) {
        return null;
    }
    return el('div', { class: 'panel' },
        el('h2', {}, 'Rating scale'),
        fields([
            ['Kind', formatEnum(scale.kind)],
            ['Scores', scale.maxScore ? `${scale.minScore} to ${scale.maxScore}, pass at ${scale.passScore}` : ''],
            ['Not applicable', scale.allowNotApplicable ? 'allowed' : 'not allowed'],
        ]),
        (scale.levels || []).length > 0
            ? table([
                { label: 'Level', cell: (l) => l.code },
                { label: 'Label', cell: (l) => l.label || '' },
                { label: 'Points', cell: (l) => String(l.points) },
                { label: 'Meets the requirement', cell: (l) => (l.meetsRequirement ? 'yes' : 'no') },
            ], scale.levels)
            : null);
}

function actions(standard, problemSlot) {
    const move = async (verb) => {
        replace(problemSlot);
        try {
            if (verb === 'newVersion') {
                const draft = await api('POST', `/api/v1/standards/${encodeURIComponent(standard.id)}:newVersion`);
                navigate(`#/standards/${encodeURIComponent(draft.id)}`);
                return;
            }
            await api('POST', `/api/v1/standards/${encodeURIComponent(standard.id)}:${verb}`, {
                headers: { 'If-Match': standard.etag },
            });
            refresh();
        } catch (e) {
            replace(problemSlot, problemElement(e));
        }
    };
    const offered = [];
    if (standard.status === 'DRAFT' && can('POST', '/api/v1/standards/{id}:publish')) {
        offered.push(el('button', { type: 'button', 'data-testid': 'standard-publish', onclick: () => move('publish') }, 'Publish'));
    }
    if (standard.status === 'PUBLISHED' && can('POST', '/api/v1/standards/{id}:retire')) {
        offered.push(el('button', { type: 'button', class: 'secondary', 'data-testid': 'standard-retire', onclick: () => move('retire') }, 'Retire'));
    }
    if (standard.status !== 'DRAFT' && can('POST', '/api/v1/standards/{id}:newVersion')) {
        offered.push(el('button', { type: 'button', class: 'secondary', 'data-testid': 'standard-new-version', onclick: () => move('newVersion') }, 'Start a new version'));
    }
    return offered.length > 0 ? el('div', { class: 'actions' }, offered) : null;
}

registerScreen('standard', {
    title: 'Standard',
    async render(container, params) {
        loading(container);
        let standard;
        try {
            standard = await api('GET', `/api/v1/standards/${encodeURIComponent(params.id)}`);
        } catch (e) {
            replace(container, el('h1', {}, 'Standard'), problemElement(e));
            return;
        }
        const versionsSlot = el('div');
        const problemSlot = el('div');
        replace(container,
            el('p', {}, el('a', { href: '#/standards' }, '← All standards')),
            el('h1', {}, `${standard.code} v${standard.version}: ${standard.title || ''} `, statusBadge(standard.status)),
            problemSlot,
            actions(standard, problemSlot),
            el('div', { class: 'columns' },
                el('div', { class: 'panel' },
                    el('h2', {}, 'About'),
                    fields([
                        ['Description', standard.description],
                        ['Effective', [standard.effectiveFrom, standard.effectiveUntil].filter(Boolean).join(' to ')],
                        ['Unit types', (standard.unitTypes || []).map(formatEnum).join(', ')],
                        ['Channels', (standard.channels || []).map(formatEnum).join(', ')],
                        ['Elements', String(standard.elementCount ?? '')],
                        ['Published', standard.publishTime ? formatDateTime(standard.publishTime) : ''],
                        ['Retired', standard.retireTime ? formatDateTime(standard.retireTime) : ''],
                    ])),
                el('div', { class: 'panel' }, el('h2', {}, 'Versions'), versionsSlot)),
            ratingScaleView(standard.ratingScale),
            el('div', { class: 'panel' },
                el('h2', {}, 'Criteria'),
                (standard.criteria || []).length === 0
                    ? el('p', { class: 'muted' }, 'This standard has no criteria yet.')
                    : standard.criteria.map(criterionView)));
        loading(versionsSlot);
        try {
            const versions = await allItems('/api/v1/standards', { pageSize: 200, code: standard.code });
            versions.sort((a, b) => b.version - a.version);
            replace(versionsSlot, el('ul', { class: 'versions' }, versions.map((v) => el('li', { 'data-testid': 'version', 'data-version': String(v.version) },
                v.id === standard.id ? el('strong', {}, `v${v.version}`) : standardLink(v, `v${v.version}`),
                ' ', statusBadge(v.status),
                v.effectiveFrom ? el('span', { class: 'muted' }, ` from ${v.effectiveFrom}`) : null))));
        } catch (e) {
            showProblem(versionsSlot, e);
        }
    },
});
