#!/bin/sh
# Prints the path of a Python 3.12+ interpreter, or fails with a French message.
# Order: python3.13, python3.12, python3 on PATH (each actually run: a pyenv shim that
# points nowhere is skipped), then the newest 3.13/3.12 installed under `pyenv root`.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in python3.13 python3.12 python3; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if ok "$path"; then
    "$path" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for version in $(ls -1 "$root/versions" 2>/dev/null | grep -E '^3\.1[3-9]\.|^3\.12\.' | sort -t. -k1,1n -k2,2nr -k3,3nr); do
    path="$root/versions/$version/bin/python3"
    if ok "$path"; then
      echo "$path"
      exit 0
    fi
  done
fi
echo "Python 3.12 ou plus récent introuvable (python3.13, python3.12, python3 ou pyenv)." >&2
exit 1
