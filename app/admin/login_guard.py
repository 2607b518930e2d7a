"""Admin logins: failures recorded per client address, an exponential delay after five,
and the sessions of those who logged in, checked on the server on every admin call."""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 5  # failures from one address before it has to wait
MAX_DELAY = 3600.0  # seconds: the doubling stops at an hour
SESSION_SECONDS = 8 * 3600.0
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoginFailure:
    time: float  # seconds since the epoch
    address: str


class LoginGuard:
    """Decides whether an address may try a password, and remembers who logged in."""

    def __init__(
        self, base_delay: float = 2.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._base = base_delay
        self._clock = clock
        self._lock = threading.Lock()
        self.failures: deque[LoginFailure] = deque(maxlen=10_000)  # the record, newest last
        self._counts: dict[str, int] = {}
        self._last: dict[str, float] = {}
        self._sessions: dict[str, float] = {}  # token → when it expires

    def wait_seconds(self, address: str) -> float:
        """How long ``address`` must wait before its next attempt (0: it may try now)."""
        with self._lock:
            count = self._counts.get(address, 0)
            if count < FREE_FAILURES:
                return 0.0
            delay = min(self._base * 2 ** (count - FREE_FAILURES), MAX_DELAY)
            return max(0.0, self._last[address] + delay - self._clock())

    def failed(self, address: str) -> None:
        with self._lock:
            self._counts[address] = self._counts.get(address, 0) + 1
            self._last[address] = self._clock()
            self.failures.append(LoginFailure(time.time(), address))
        log.warning("failed admin login from %s", address)

    def succeeded(self, address: str) -> str:
        """Forget the address's failures; returns a new session token."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._counts.pop(address, None)
            self._last.pop(address, None)
            now = self._clock()
            self._sessions = {t: end for t, end in self._sessions.items() if end > now}
            self._sessions[token] = now + SESSION_SECONDS
        return token

    def is_session(self, token: object) -> bool:
        """Whether ``token`` came from a login of this server and has not expired."""
        if not isinstance(token, str) or not token:
            return False
        with self._lock:
            end = self._sessions.get(token)
        return end is not None and end > self._clock()


def wait_message(seconds: float) -> str:
    return f"登录失败次数过多，请在 {math.ceil(seconds)} 秒后再试。"
