"""The kernel: what every app may use and that knows no app. Errors and forms helpers, uploads
and PDF rendering, dates and periods, French formats. It imports Django and the standard library
only (an import-linter contract in `make test` keeps it so)."""
