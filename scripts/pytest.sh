#!/bin/sh
# Runs the whole suite; pytest's exit code 5 (no test collected) counts as a failure.
# The test profile always, whatever DJANGO_SETTINGS_MODULE the shell has.
.venv/bin/python -m pytest --ds=config.settings.test "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "Aucun test n'a été exécuté : échec." >&2
  exit 1
fi
exit "$status"
