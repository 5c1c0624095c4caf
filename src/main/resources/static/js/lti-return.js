// Sends an instructor's Deep Linking choice back to their learning platform as soon as the page has loaded; the
// page's button does the same where scripts do not run.
document.getElementById("lti-return")?.submit();
