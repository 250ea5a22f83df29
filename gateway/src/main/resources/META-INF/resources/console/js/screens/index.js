// Every screen of the console: app.js imports this list once it is set up, and each module
// registers its screen when imported. A new screen is one module here and one line below.
import './login.js';
import './units.js';
import './standards.js';
import './complaint.js';
import './dashboard.js';
import './league.js';
import './recompute.js';
