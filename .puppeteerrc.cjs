// stratdoc drives the system's Chromium (PUPPETEER_EXECUTABLE_PATH or /usr/bin/chromium); the puppeteer
// package, used only by the benchmark's peer, must not download a browser of its own on install.
module.exports = { skipDownload: true };
