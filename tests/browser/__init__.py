"""End-to-end tests in JupyterLab and headless Chromium (a package, so its fixtures end with its tests)."""
