// Turns the REST API's views (a scorecard, a league table row, a recompute operation) into display rows
// and words. Pure functions without the DOM, so the component tests run them under node.

/**
 * A number as people read it: at most `digits` decimals, trailing zeros dropped ("82.4", "30", "-2.5").
 * The API gives numbers as stored, never rounded; rounding is for the eye only, and the exact value stays
 * in the explanation's JSON.
 */
export function number(value, digits = 2) {
    if (value === null || value === undefined || Number.isNaN(value)) {
        return '—';
    }
    const fixed = Number(value).toFixed(digits);
    const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
    return trimmed === '-0' ? '0' : trimmed;
}

/** Basis points as a percentage: 2500 -> "25 %". */
export function basisPoints(points) {
    return `${number(points / 100)} %`;
}

const INPUT_KINDS = {
    INSPECTION: 'inspection',
    SURVEY_BATCH: 'survey batch',
    MEASUREMENT_BATCH: 'measurement batch',
    CUSTOMERS_SERVED_BATCH: 'customers-served batch',
    COMPLAINT_STATISTICS: 'complaint statistics',
    VIOLATION: 'violation',
    SCORECARD: 'scorecard',
};

/** Where a component's raw value comes from, in words (the source has exactly one field). */
export function describeSource(source) {
    if (!source) {
        return 'no source';
    }
    if (source.inspectionScore) {
        const s = source.inspectionScore;
        const weights = (s.authorityWeights || [])
            .map((w) => `${w.level} ${basisPoints(w.weightBasisPoints)}`)
            .join(', ');
        const parts = [s.kind, weights].filter(Boolean);
        const failed = s.failedCountsAsZero ? '; a failed inspection counts 0' : '';
        return `Inspection score (${parts.join('; ')}${failed})`;
    }
    if (source.satisfactionIndex) {
        const s = source.satisfactionIndex;
        const sample = s.minSample > 1 ? `, at least ${s.minSample} responses` : '';
        return `Satisfaction index (${s.segment ? `segment ${s.segment}` : 'all segments'}${sample})`;
    }
    if (source.indicator) {
        const s = source.indicator;
        const sample = s.minSample > 1 ? ` (sample at least ${s.minSample})` : '';
        return `Indicator ${s.indicatorCode}${sample}`;
    }
    if (source.complaintTimeliness) {
        return 'Complaints resolved by their deadline (%)';
    }
    if (source.complaintRate) {
        return 'Complaints per 10 000 customers served';
    }
    if (source.callBackCoverage) {
        return 'Call-backs made of those owed (%)';
    }
    return 'unknown source';
}

/** One input of a component in words: "inspection 3f2a… = 80 (PROVINCIAL inspection score 80)". */
export function describeInput(input) {
    const kind = INPUT_KINDS[input.kind] || String(input.kind || 'input').toLowerCase();
    const detail = input.detail ? ` (${input.detail})` : '';
    return `${kind} ${input.id} = ${number(input.value)}${detail}`;
}

/** The display row of one component: the value's way from raw to contribution. */
export function componentRow(component) {
    const declared = basisPoints(component.weightBasisPoints || 0);
    const effective = `${number(component.effectiveWeightPercent)} %`;
    const weight = declared === effective ? effective : `${effective} (declared ${declared})`;
    const inputs = (component.inputs || []).map((input) => ({
        kind: input.kind,
        id: input.id,
        value: input.value,
        detail: input.detail,
        text: describeInput(input),
    }));
    const row = {
        code: component.code,
        name: component.name,
        source: describeSource(component.source),
        present: !!component.present,
        inputs,
        weight,
        rule: component.mappingRule || '',
    };
    if (component.present) {
        row.value = `${number(component.rawValue)} → ${number(component.mappedValue)}`;
        row.contribution = `+${number(component.contribution)}`;
        row.text =
            `${component.name}: ${number(component.rawValue)} → ${number(component.mappedValue)}`
            + ` × ${effective} = ${number(component.contribution)} points`;
    } else {
        const reason = component.missingReason || 'no data';
        row.value = 'missing';
        row.contribution = '0';
        row.missingReason = reason;
        row.text = `${component.name}: missing (${reason}); its weight went to the others`;
    }
    return row;
}

/** One deduction in words, with the violation that caused it. */
export function deductionRow(deduction) {
    return {
        violationId: deduction.violationId,
        ruleCode: deduction.ruleCode,
        points: `−${number(deduction.points)}`,
        occurredTime: deduction.occurredTime,
        text: `−${number(deduction.points)} points: rule ${deduction.ruleCode}, violation ${deduction.violationId}`,
    };
}

/** One child of a roll-up. */
export function childRow(child) {
    const row = {
        unitId: child.unitId,
        unitCode: child.unitCode,
        scorecardId: child.scorecardId,
        present: !!child.present,
        score: number(child.score),
        customersServed: child.customersServed || 0,
        weight: `${number(child.effectiveWeightPercent)} %`,
        contribution: child.present ? `+${number(child.contribution)}` : '0',
    };
    row.text = child.present
        ? `${child.unitCode}: ${number(child.score)} × ${row.weight} = ${number(child.contribution)} points`
        : `${child.unitCode}: not counted (${child.missingReason || 'no score'})`;
    if (!child.present) {
        row.missingReason = child.missingReason || 'no score';
    }
    return row;
}

/** One month of a quarter, or quarter of a year. */
export function subPeriodRow(sub) {
    return {
        period: sub.period,
        scorecardId: sub.scorecardId,
        present: !!sub.present,
        score: number(sub.score),
        text: sub.present
            ? `${sub.period}: ${number(sub.score)}`
            : `${sub.period}: not counted (${sub.missingReason || 'no score'})`,
    };
}

/**
 * The arithmetic from the weighted score to the score, one line a step: what a quality manager checks
 * with a calculator.
 */
export function scoreSteps(scorecard) {
    const steps = [];
    const subPeriods = scorecard.subPeriods || [];
    if (subPeriods.length > 0) {
        const counted = subPeriods.filter((s) => s.present);
        if (scorecard.score !== undefined && scorecard.score !== null) {
            const sum = counted.map((s) => number(s.score)).join(' + ');
            steps.push(`Mean of ${counted.length} of ${subPeriods.length} periods: (${sum}) / ${counted.length}`
                + ` = ${number(scorecard.score)}`);
        }
        return steps;
    }
    if (scorecard.weightedScore !== undefined && scorecard.weightedScore !== null) {
        const what = (scorecard.children || []).length > 0 ? 'children' : 'components';
        steps.push(`Weighted score of the ${what}: ${number(scorecard.weightedScore)} of 100`);
        const base = scorecard.baseScore;
        const scaled = (scorecard.weightedScore * base) / 100;
        if (base !== undefined && base !== 100) {
            steps.push(`Scaled to the base score ${number(base)}: ${number(scorecard.weightedScore)} × ${number(base)}`
                + ` / 100 = ${number(scaled)}`);
        }
        if ((scorecard.deductions || []).length > 0 || scorecard.deductionPoints) {
            const capped = scorecard.deductionCapped ? ' (capped)' : '';
            steps.push(`Deductions: −${number(scorecard.deductionPoints)} points${capped}`);
        }
        if (scorecard.score !== undefined && scorecard.score !== null) {
            steps.push(`Score: max(0, ${number(scaled)} − ${number(scorecard.deductionPoints || 0)})`
                + ` = ${number(scorecard.score)}`);
        }
    }
    return steps;
}

/** The deductions' cap in words, or null when it did not cut anything. */
export function capText(scorecard) {
    if (!scorecard.deductionCapped) {
        return null;
    }
    const listed = (scorecard.deductions || []).reduce((sum, d) => sum + (d.points || 0), 0);
    return `The cap cut the deductions from ${number(listed)} to ${number(scorecard.deductionPoints)} points.`;
}

/** The headline of a scorecard: its score and grade, or why it has none. */
export function headline(scorecard) {
    const model = scorecard.modelCode ? ` (model ${scorecard.modelCode} v${scorecard.modelVersion})` : '';
    if (scorecard.status === 'INSUFFICIENT_DATA' || scorecard.score === undefined || scorecard.score === null) {
        return `${scorecard.period}: insufficient data, no score${model}`;
    }
    const grade = scorecard.grade ? `, grade ${scorecard.grade}` : '';
    return `${scorecard.period}: score ${number(scorecard.score, 1)}${grade}${model}`;
}

/**
 * A scorecard explained point by point: its headline, component (or child, or sub-period) rows, the
 * deductions with their violations, the cap, the arithmetic, the reasons for no score and the inputs'
 * fingerprint.
 */
export function explainScorecard(scorecard) {
    const components = (scorecard.components || []).map(componentRow);
    const children = (scorecard.children || []).map(childRow);
    const subPeriods = (scorecard.subPeriods || []).map(subPeriodRow);
    const deductions = (scorecard.deductions || []).map(deductionRow);
    const insufficientDataReasons = scorecard.insufficientDataReasons || [];
    return {
        headline: headline(scorecard),
        status: scorecard.status,
        scored: scorecard.status === 'SCORED' && scorecard.score !== undefined && scorecard.score !== null,
        components,
        children,
        subPeriods,
        deductions,
        cap: capText(scorecard),
        steps: scoreSteps(scorecard),
        insufficientDataReasons,
        fingerprint: scorecard.inputsFingerprint || '',
        computeTime: scorecard.computeTime,
        operation: scorecard.operation,
    };
}

/** The whole explanation as plain text, a line a point (what a user copies into a report). */
export function explanationText(scorecard) {
    const e = explainScorecard(scorecard);
    const lines = [e.headline];
    for (const c of e.components) {
        lines.push(`- ${c.text}`);
        if (c.rule) {
            lines.push(`  mapping: ${c.rule}`);
        }
        for (const input of c.inputs) {
            lines.push(`  input: ${input.text}`);
        }
    }
    for (const c of e.children) {
        lines.push(`- ${c.text}`);
    }
    for (const s of e.subPeriods) {
        lines.push(`- ${s.text}`);
    }
    for (const d of e.deductions) {
        lines.push(`- ${d.text}`);
    }
    if (e.cap) {
        lines.push(e.cap);
    }
    lines.push(...e.steps);
    for (const reason of e.insufficientDataReasons) {
        lines.push(`No score: ${reason}`);
    }
    if (e.fingerprint) {
        lines.push(`Inputs fingerprint: ${e.fingerprint}`);
    }
    return lines.join('\n');
}

// ---- Dashboard parts ----

/** What each part of a unit dashboard is called on the screen, for warnings and omissions. */
const PART_NAMES = {
    unit: 'the unit',
    path: 'the unit’s place in the hierarchy',
    trend: 'the score trend',
    scorecard: 'the scorecard',
    complaints: 'complaints',
    inspections: 'inspections',
    rectificationOrders: 'rectification orders',
    supervisionOrders: 'supervision orders',
    accreditation: 'accreditation',
};

/** A dashboard part's name in words: "rectificationOrders" -> "rectification orders". */
export function partName(part) {
    return PART_NAMES[part] || String(part);
}

/**
 * The warning of a failed dashboard part in words: "Complaints could not be read: complaint-service did
 * not answer within 2000 ms (504 DEADLINE_EXCEEDED)"; the service is named unless the message does.
 */
export function dashboardWarning(w) {
    const what = partName(w.part);
    const message = (w.message || '').replace(/[.\s]+$/, '');
    const service = w.service && !message.includes(w.service) ? ` from ${w.service}` : '';
    const code = [w.status, w.code].filter(Boolean).join(' ');
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be read${service}`
        + `${message ? `: ${message}` : ''}${code ? ` (${code})` : ''}`;
}

// ---- Periods ----

/** The last ended month (UTC), "YYYY-MM": the newest one a recompute may score, the screens' default. */
export function lastEndedMonth(now = new Date()) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// ---- League tables ----

/**
 * A row's movement against the previous period: {symbol, text, title}. "↑ 2" climbed two places, "↓ 1"
 * fell one, "→" kept its rank, "new" was not ranked in the previous period; a row not ranked now has
 * no movement ("").
 */
export function movement(row) {
    const ranked = row.rank !== undefined && row.rank !== null && row.status !== 'INSUFFICIENT_DATA';
    if (!ranked) {
        return {kind: 'unranked', symbol: '', text: '', title: 'Not ranked in this period'};
    }
    const previous = row.previousRank;
    if (previous === undefined || previous === null || row.movement === 'NONE') {
        return {kind: 'new', symbol: 'new', text: 'new', title: 'Not ranked in the previous period'};
    }
    const places = Math.abs(previous - row.rank);
    if (row.movement === 'UP') {
        return {kind: 'up', symbol: '↑', text: `↑ ${places}`, title: `Up ${places} from rank ${previous}`};
    }
    if (row.movement === 'DOWN') {
        return {kind: 'down', symbol: '↓', text: `↓ ${places}`, title: `Down ${places} from rank ${previous}`};
    }
    return {kind: 'same', symbol: '→', text: '→', title: `Same rank as before (${previous})`};
}

/**
 * The display rows of a league table: rank (ties shown "=2" after the first of equals), value, movement,
 * whether a real gap (beyond the confidence intervals) separates it from the row above, and the
 * "insufficient data" rows as such, unranked.
 */
export function leagueRows(table) {
    const rows = table.rows || [];
    return rows.map((row, i) => {
        const ranked = row.status !== 'INSUFFICIENT_DATA' && row.rank !== undefined && row.rank !== null;
        const above = i > 0 ? rows[i - 1] : null;
        const below = i + 1 < rows.length ? rows[i + 1] : null;
        const tied = ranked
            && ((above && above.rank === row.rank) || (below && below.rank === row.rank && below.status !== 'INSUFFICIENT_DATA'));
        let interval = '';
        if (row.confidenceInterval) {
            interval = `${number(row.confidenceInterval.lower, 1)}–${number(row.confidenceInterval.upper, 1)}`;
        }
        return {
            unitId: row.unitId,
            unitCode: row.unitCode,
            unitName: row.unitName,
            unitType: row.unitType,
            level: row.level,
            ranked,
            rank: ranked ? row.rank : null,
            rankText: ranked ? (tied && above && above.rank === row.rank ? `=${row.rank}` : String(row.rank)) : '—',
            tied: !!tied,
            value: ranked ? number(row.value, 1) : '',
            interval,
            sampleSize: row.sampleSize || 0,
            grade: row.grade || '',
            movement: movement(row),
            gapAbove: row.differenceToAbove === 'BEYOND_CONFIDENCE_INTERVAL',
            withinInterval: row.differenceToAbove === 'WITHIN_CONFIDENCE_INTERVAL',
            insufficientData: !ranked,
            insufficientDataReason: ranked ? '' : row.insufficientDataReason || 'insufficient data',
            previousRank: row.previousRank,
            previousValue: row.previousValue,
        };
    });
}

// ---- Recompute operations ----

/**
 * What a recompute operation's progress bar and status line show: {state (running, done, failed,
 * cancelled), value, max, percent, done, text ("done" once finished: the end-to-end tests wait for the
 * word), summary (the result counts)}. The bar counts units done of units total (every unit times every
 * period of the run); before the run knows its total the bar is indeterminate (max 0).
 */
export function operationProgress(operation) {
    const meta = operation.metadata || {};
    const total = Number(meta.unitsTotal || 0);
    const done = Number(meta.unitsDone || 0);
    const percent = total > 0 ? Math.floor((done * 100) / total) : meta.progressPercent || 0;
    if (operation.done && operation.error) {
        const e = operation.error;
        const reason = e.reason ? ` ${e.reason}` : '';
        const cancelled = e.code === 'CANCELLED';
        return {
            state: cancelled ? 'cancelled' : 'failed',
            value: done,
            max: total,
            percent,
            done: true,
            text: `${cancelled ? 'cancelled' : 'failed'}: ${e.message || 'no message'} (${e.code}${reason})`,
            summary: '',
        };
    }
    if (operation.done) {
        const r = operation.response || {};
        return {
            state: 'done',
            value: total,
            max: total,
            percent: 100,
            done: true,
            text: 'done',
            summary: `${r.period || meta.period || ''}: ${r.scored || 0} scored, ${r.insufficientData || 0} with`
                + ` insufficient data, ${r.unscored || 0} not scored`,
        };
    }
    const stage = meta.stage ? `${meta.stage}: ` : '';
    const cancel = meta.cancelRequested ? ' (cancelling)' : '';
    return {
        state: 'running',
        value: done,
        max: total,
        percent,
        done: false,
        text: total > 0 ? `${stage}${done} of ${total} units (${percent} %)${cancel}` : `${stage}starting${cancel}`,
        summary: '',
    };
}

/** The operation's id from its name: "operations/8f0c" -> "8f0c". */
export function operationId(operation) {
    const name = operation.name || '';
    return name.startsWith('operations/') ? name.substring('operations/'.length) : name;
}
