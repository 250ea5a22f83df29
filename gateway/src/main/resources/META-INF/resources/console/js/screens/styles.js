// The stylesheet of the dashboard, league and recompute screens (screens.css, beside console.css),
// linked once by the first of them that renders, so the shell's page needs no change for them.

/** Links screens.css into the page unless it is there already. */
export function useScreenStyles() {
    if (document.querySelector('link[data-screens-css]')) {
        return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'screens.css';
    link.setAttribute('data-screens-css', '');
    document.head.append(link);
}
