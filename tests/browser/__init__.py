"""The app driven in headless Chromium. A package (tests/ itself is not one) so that the
servers of its conftest are package-scoped: started once for all its modules and stopped
when its last test has run, not kept up for the rest of the run."""
