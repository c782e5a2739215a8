"""Loaded by Python at start-up when this folder is on PYTHONPATH: every attempt to open a
network connection or resolve a host name is recorded in $QA_BOT_NET_LOG and refused."""

import os
import socket

_log = os.environ.get("QA_BOT_NET_LOG", "")


def _record(what: str) -> None:
    if _log:
        with open(_log, "a", encoding="utf-8") as handle:
            handle.write(what + "\n")


def _local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX paths
        return True
    host = address[0] if isinstance(address, tuple) and address else ""
    return host in ("127.0.0.1", "::1", "localhost")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def connect(self, address):  # type: ignore[no-untyped-def]
    if not _local(address):
        _record(f"connect {address!r}")
        raise OSError(101, "qa-bot test: network disabled")
    return _connect(self, address)


def connect_ex(self, address):  # type: ignore[no-untyped-def]
    if not _local(address):
        _record(f"connect_ex {address!r}")
        return 101
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host not in (None, "127.0.0.1", "::1", "localhost"):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(-3, "qa-bot test: network disabled")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect  # type: ignore[method-assign]
socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = getaddrinfo
