#!/usr/bin/python3
"""
Unlocks the login keyring of the running GNOME Keyring with its password (read from standard input), as
its unlock prompt would, for tests in a session without a screen to show that prompt on. The keyring
stays the same daemon, so a process already talking to it sees the unlock, as on a desktop.
"""
import sys

import dbus

bus = dbus.SessionBus()
service = bus.get_object("org.freedesktop.secrets", "/org/freedesktop/secrets")
_, session = dbus.Interface(service, "org.freedesktop.Secret.Service").OpenSession(
    "plain", dbus.String("", variant_level=1)
)
secret = dbus.Struct(
    (session, dbus.ByteArray(b""), dbus.ByteArray(sys.stdin.read().encode()), "text/plain"),
    signature="oayays",
)
dbus.Interface(service, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface").UnlockWithMasterPassword(
    dbus.ObjectPath("/org/freedesktop/secrets/collection/login"), secret
)
