// Formatting of durations, instants, scores and percentages for the console. No DOM: the component
// tests import this module in Node.

/** What an absent value shows as. */
export const ABSENT = '—';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in seconds in words, at most two units: "2 d 3 h", "1 h 5 min", "45 min", "30 s".
 * Negative (overdue) durations get a leading minus: "-1 h 5 min". Seconds are dropped from a minute
 * on, so a ticking timer changes its text once a minute until its last minute.
 */
export function formatDuration(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) {
        return ABSENT;
    }
    const total = Math.trunc(Number(seconds));
    const sign = total < 0 ? '-' : '';
    let rest = Math.abs(total);
    if (rest < MINUTE) {
        return `${sign}${rest} s`;
    }
    const days = Math.floor(rest / DAY);
    rest -= days * DAY;
    const hours = Math.floor(rest / HOUR);
    rest -= hours * HOUR;
    const minutes = Math.floor(rest / MINUTE);
    let text;
    if (days > 0) {
        text = hours > 0 ? `${days} d ${hours} h` : `${days} d`;
    } else if (hours > 0) {
        text = minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
    } else {
        text = `${minutes} min`;
    }
    return sign + text;
}

/**
 * Business time in hours and minutes ("24 h", "120 h", "7 h 30 min", "45 min"): a business day is
 * not 24 hours, so business time is never counted in days.
 */
export function formatBusinessTime(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) {
        return ABSENT;
    }
    const total = Math.trunc(Number(seconds));
    const sign = total < 0 ? '-' : '';
    const rest = Math.abs(total);
    if (rest < MINUTE) {
        return `${sign}${rest} s`;
    }
    const hours = Math.floor(rest / HOUR);
    const minutes = Math.floor((rest - hours * HOUR) / MINUTE);
    if (hours === 0) {
        return `${sign}${minutes} min`;
    }
    return minutes > 0 ? `${sign}${hours} h ${minutes} min` : `${sign}${hours} h`;
}

/**
 * An ISO-8601 duration of days, hours, minutes and seconds ("PT2H", "P1DT4H30M") in seconds;
 * null when it is not one (years and months have no fixed length and are refused).
 */
export function parseIsoDuration(text) {
    if (typeof text !== 'string') {
        return null;
    }
    const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (!m || text === 'P' || text.endsWith('T')) {
        return null;
    }
    const [, minus, d, h, min, s] = m;
    const seconds = Number(d || 0) * DAY + Number(h || 0) * HOUR + Number(min || 0) * MINUTE + Number(s || 0);
    return minus ? -seconds : seconds;
}

/**
 * An instant as "2026-03-06 16:00 UTC". The services and the REST API speak UTC, and so does the
 * console, so a time reads the same for everyone who looks at it (and in every screenshot).
 */
export function formatDateTime(iso) {
    if (!iso) {
        return ABSENT;
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return String(iso);
    }
    return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** A score with one decimal ("84.5"); absent scores show as a dash. */
export function formatScore(n) {
    if (n === null || n === undefined || Number.isNaN(Number(n))) {
        return ABSENT;
    }
    return Number(n).toFixed(1);
}

/** A percentage given in percent (0 to 100, as the API's *Percent fields are), one decimal: "84.5 %". */
export function formatPercent(n) {
    if (n === null || n === undefined || Number.isNaN(Number(n))) {
        return ABSENT;
    }
    return `${Number(n).toFixed(1)} %`;
}

/** A share given as a fraction (0 to 1, as the API's *Rate fields are) as a percentage: 0.845 -> "84.5 %". */
export function formatRate(fraction) {
    if (fraction === null || fraction === undefined || Number.isNaN(Number(fraction))) {
        return ABSENT;
    }
    return formatPercent(Number(fraction) * 100);
}

/** An UPPER_SNAKE_CASE enum value in words: "WAITING_ON_CUSTOMER" -> "waiting on customer". */
export function formatEnum(value) {
    if (!value) {
        return ABSENT;
    }
    return String(value).toLowerCase().replace(/_/g, ' ');
}
