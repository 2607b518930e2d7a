"""Loaded into planqa subprocesses by the network test: logs every non-loopback connection.

An audit hook sees each socket connect and DNS look-up of the Python process,
whichever library makes it (Chroma, Gradio, huggingface_hub, httpx).
"""

import os
import sys

_LOG = os.environ.get("NETGUARD_LOG")
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "", None}


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in _LOOPBACK_NAMES:
        return True
    return isinstance(host, str) and (host.startswith("127.") or host.startswith("/"))


def _audit(event, args):
    if event not in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
        return
    if event == "socket.getaddrinfo":
        host = args[0]
    else:
        address = args[1]
        host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {event} {host!r}\n")


if _LOG:
    sys.addaudithook(_audit)
