// Signing in: a development token minted by the gateway for a chosen role and units (only where the
// gateway has dev login switched on, as the local run does), or a bearer token pasted in.
import { afterSignIn, registerScreen } from '../app.js';
import { LOGIN_PROBLEM_KEY, api } from '../api.js';
import { loadPermissions } from '../permissions.js';
import { session, signIn } from '../session.js';
import { el, problemElement, replace } from '../ui.js';

/** Roles cut to the token's units: a development token for one of them needs units. */
const UNIT_SCOPED = ['unit-manager', 'viewer', 'complaint-handler'];

function parseUnits(text) {
    return String(text || '')
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
}

async function finish(token, problemSlot) {
    try {
        signIn(token);
        await loadPermissions();
        afterSignIn();
    } catch (e) {
        replace(problemSlot, problemElement(e));
    }
}

function devLoginForm(options, problemSlot) {
    const role = el('select', { id: 'login-role', 'data-testid': 'login-role', name: 'role' },
        options.roles.map((r) => el('option', { value: r }, r)));
    const units = el('input', {
        id: 'login-units',
        'data-testid': 'login-units',
        name: 'units',
        placeholder: 'unit ids, comma separated',
        autocomplete: 'off',
    });
    const hint = el('p', { class: 'muted' });
    const updateHint = () => {
        const article = /^[aeiou]/.test(role.value) ? 'An' : 'A';
        hint.textContent = UNIT_SCOPED.includes(role.value)
            ? `${article} ${role.value} acts for units: name at least one (it also sees the units below them).`
            : `${article} ${role.value} acts for the whole organisation; units are optional.`;
    };
    role.addEventListener('change', updateHint);
    updateHint();
    const submit = el('button', { type: 'submit', 'data-testid': 'login-submit' }, 'Sign in');
    return el('form', {
        class: 'stack',
        onsubmit: async (event) => {
            event.preventDefault();
            replace(problemSlot);
            submit.disabled = true;
            try {
                const answer = await api('POST', '/console/dev-token', {
                    body: { role: role.value, units: parseUnits(units.value) },
                });
                await finish(answer.token, problemSlot);
            } catch (e) {
                replace(problemSlot, problemElement(e));
            } finally {
                submit.disabled = false;
            }
        },
    },
    el('label', { for: 'login-role' }, 'Role', role),
    el('label', { for: 'login-units' }, 'Units', units),
    hint,
    el('div', { class: 'actions' }, submit));
}

function tokenForm(problemSlot) {
    const input = el('textarea', {
        id: 'token-input',
        'data-testid': 'token-input',
        placeholder: 'eyJhbGciOiJSUzI1NiIs…',
        spellcheck: 'false',
        autocomplete: 'off',
    });
    return el('form', {
        class: 'stack',
        onsubmit: async (event) => {
            event.preventDefault();
            replace(problemSlot);
            await finish(input.value, problemSlot);
        },
    },
    el('label', { for: 'token-input' }, 'Bearer token (a JWT from your identity provider)', input),
    el('div', { class: 'actions' }, el('button', { type: 'submit', 'data-testid': 'token-submit' }, 'Use this token')));
}

registerScreen('login', {
    title: 'Sign in',
    public: true,
    async render(container) {
        const problemSlot = el('div', { class: 'problem-slot' });
        const why = sessionStorage.getItem(LOGIN_PROBLEM_KEY);
        sessionStorage.removeItem(LOGIN_PROBLEM_KEY);
        if (why) {
            replace(problemSlot, problemElement(JSON.parse(why)));
        }
        const current = session();
        let options = { devLogin: false, roles: [] };
        let optionsProblem = null;
        try {
            options = await api('GET', '/console/session-options');
        } catch (e) {
            optionsProblem = e;
        }
        replace(container,
            el('h1', {}, 'Sign in'),
            current
                ? el('p', { class: 'panel' }, 'Signed in as ', el('strong', {}, current.subject),
                    ` (${current.roles.join(', ')}). Signing in again replaces this token.`)
                : null,
            optionsProblem ? problemElement(optionsProblem) : null,
            problemSlot,
            el('div', { class: 'columns' },
                options.devLogin
                    ? el('div', { class: 'panel' },
                        el('h2', {}, 'Development login'),
                        el('p', { class: 'muted' },
                            'This gateway mints DEVELOPMENT tokens (its dev login is switched on, as in the local run). '
                            + 'Never in production.'),
                        devLoginForm(options, problemSlot))
                    : null,
                el('div', { class: 'panel' },
                    el('h2', {}, 'Paste a token'),
                    el('p', { class: 'muted' },
                        'The console calls the REST API with this token; the gateway checks it on every call.'),
                    tokenForm(problemSlot))));
    },
});
