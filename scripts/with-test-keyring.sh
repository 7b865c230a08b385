#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked GNOME Keyring, so tests use a
# real Secret Service without touching the user's own keyring. Linux only.
#   scripts/with-test-keyring.sh npm test
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install dbus gnome-keyring" >&2; exit 2; }
done
data_home=$(mktemp -d)
trap 'rm -rf "$data_home"' EXIT
export XDG_DATA_HOME="$data_home"
# Tests that lock the keyring unlock it again with this.
export RYZE_TEST_KEYRING_PASSWORD=ryze-test-keyring
exec dbus-run-session -- bash -c '
  printf %s "$RYZE_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' ryze-keyring "$@"
