// The console's shell: a hash router, the header (nav, who is signed in, sign out) and the screen
// registry. Screens are ES modules that call registerScreen when imported; js/screens/index.js
// imports them all, and app.js imports that list once it has set itself up.
import { can, loadPermissions } from './permissions.js';
import { onSessionChange, session, signOut } from './session.js';
import { el, replace, showProblem } from './ui.js';

/** The routes of the brief: the hash path pattern and the screen that shows it. */
const routes = [
    { pattern: '/login', screen: 'login' },
    { pattern: '/units', screen: 'units' },
    { pattern: '/units/{id}', screen: 'dashboard' },
    { pattern: '/complaints/{id}', screen: 'complaint' },
    { pattern: '/league', screen: 'league' },
    { pattern: '/standards', screen: 'standards' },
    { pattern: '/standards/{id}', screen: 'standard' },
    { pattern: '/recompute', screen: 'recompute' },
];

const screens = new Map();
let cleanup = null;
let renderCount = 0;
let started = false;

/**
 * Registers a screen.
 *
 * @param name the screen's name: its root is data-testid="screen-<name>", its nav link nav-<name>
 * @param spec {title, render(container, params) -> optional cleanup function (or a promise of one),
 *        route?: '/path/{param}' (when the route table above does not have it),
 *        nav?: {label, order, requires?: [method, pathTemplate]} (a nav link, shown only when
 *        can(...requires) allows it), public?: true (shown without signing in, as login is)}
 *        params are the route's {param}s and the hash's query (#/league?period=2026-03).
 */
export function registerScreen(name, spec) {
    if (!spec || typeof spec.render !== 'function') {
        throw new Error(`screen ${name} has no render function`);
    }
    screens.set(name, { name, ...spec });
    if (spec.route && !routes.some((r) => r.screen === name && r.pattern === spec.route)) {
        routes.push({ pattern: spec.route, screen: name });
    }
    if (started) {
        renderNav();
    }
}

/** The registered screens' names. */
export function screenNames() {
    return [...screens.keys()];
}

/** Matches a hash ("#/units/u-1?x=1") to {screen, params}; null when no route fits. */
export function matchRoute(hash) {
    const raw = String(hash || '').replace(/^#/, '') || '/';
    const [path, query = ''] = raw.split('?');
    for (const route of routes) {
        const names = [];
        const source = route.pattern.replace(/\{([^}]+)\}/g, (_, n) => {
            names.push(n);
            return '([^/]+)';
        });
        const m = new RegExp(`^${source}/?$`).exec(path);
        if (m) {
            const params = Object.fromEntries(new URLSearchParams(query));
            names.forEach((n, i) => {
                params[n] = decodeURIComponent(m[i + 1]);
            });
            return { screen: route.screen, params, path };
        }
    }
    return null;
}

/** Goes to a hash route: navigate('#/units/u-1'). */
export function navigate(hash) {
    if (location.hash === hash) {
        render();
    } else {
        location.hash = hash;
    }
}

/** Renders the current route again (after a change the screen should show). */
export function refresh() {
    render();
}

function renderWhoami() {
    const slot = document.getElementById('session');
    if (!slot) {
        return;
    }
    const s = session();
    if (!s) {
        const onLogin = String(location.hash).startsWith('#/login');
        replace(slot,
            el('span', { class: 'whoami', 'data-testid': 'whoami' }, 'Not signed in'),
            onLogin ? null : el('a', { href: '#/login', class: 'button secondary' }, 'Sign in'));
        return;
    }
    const units = s.units.length > 0 ? ` · units ${s.units.join(', ')}` : '';
    replace(slot,
        el('span', { class: 'whoami', 'data-testid': 'whoami', title: s.expiresAt ? `token valid until ${s.expiresAt}` : '' },
            el('strong', {}, s.subject || 'signed in'), ` (${s.roles.join(', ') || 'no roles'}${units})`),
        el('button', {
            type: 'button',
            class: 'secondary',
            'data-testid': 'sign-out',
            onclick: () => {
                signOut();
                navigate('#/login');
            },
        }, 'Sign out'));
}

function renderNav() {
    const nav = document.getElementById('nav');
    if (!nav) {
        return;
    }
    const current = matchRoute(location.hash);
    const signedIn = session() !== null;
    const links = [...screens.values()]
        .filter((s) => s.nav && signedIn && (!s.nav.requires || can(...s.nav.requires)))
        .sort((a, b) => (a.nav.order ?? 100) - (b.nav.order ?? 100))
        .map((s) => el('a', {
            href: `#${routes.find((r) => r.screen === s.name)?.pattern || `/${s.name}`}`,
            'data-testid': `nav-${s.name}`,
            class: current && current.screen === s.name ? 'active' : '',
            'aria-current': current && current.screen === s.name ? 'page' : false,
        }, s.nav.label || s.title));
    replace(nav, links);
}

function titleOf(screen, params) {
    return typeof screen.title === 'function' ? screen.title(params) : screen.title || screen.name;
}

async function render() {
    const main = document.getElementById('main');
    const count = ++renderCount;
    if (cleanup) {
        const c = cleanup;
        cleanup = null;
        try {
            c();
        } catch (e) {
            console.error('a screen cleanup failed', e);
        }
    }
    renderNav();
    renderWhoami();
    const route = matchRoute(location.hash);
    if (!route) {
        navigate(session() ? '#/units' : '#/login');
        return;
    }
    const screen = screens.get(route.screen);
    if (!screen?.public && !session()) {
        sessionStorage.setItem('sqm.console.returnTo', location.hash);
        navigate('#/login');
        return;
    }
    const container = el('section', { class: 'screen', 'data-testid': `screen-${route.screen}` });
    replace(main, container);
    if (!screen) {
        showProblem(container, new Error(`There is no screen "${route.screen}" in this console.`));
        document.title = 'SQM console';
        return;
    }
    document.title = `${titleOf(screen, route.params)} · SQM console`;
    try {
        const result = await screen.render(container, route.params);
        if (typeof result === 'function') {
            if (count === renderCount) {
                cleanup = result;
            } else {
                // The user moved on while the screen was loading: stop what it started.
                result();
            }
        }
    } catch (e) {
        console.error(e);
        if (count === renderCount) {
            showProblem(container, e);
        }
    }
}

/** Where to go after signing in: the route that sent the user to log in, else the unit tree. */
export function afterSignIn() {
    const back = sessionStorage.getItem('sqm.console.returnTo');
    sessionStorage.removeItem('sqm.console.returnTo');
    navigate(back && !back.startsWith('#/login') ? back : '#/units');
}

async function start() {
    const main = document.getElementById('main');
    try {
        await loadPermissions();
    } catch (e) {
        // Screens still work; what a role may do is then not known, so nothing role-bound is offered.
        const slot = document.getElementById('notice');
        if (slot) {
            showProblem(slot, e);
        }
    }
    try {
        await import('./screens/index.js');
    } catch (e) {
        showProblem(main, e);
        return;
    }
    started = true;
    onSessionChange(() => {
        renderNav();
        renderWhoami();
    });
    window.addEventListener('hashchange', render);
    render();
}

start();
