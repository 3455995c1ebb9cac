"""Logging filters.

`OncePerInterval` lets one record through per logger and message per interval: when Redis
is down every cache call of every request fails the same way, and the log should say so
once a minute, not thousands of times.
"""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = float(seconds)
        self._last = {}
        self._lock = threading.Lock()

    def filter(self, record):
        key = (record.name, record.msg)
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.seconds:
                return False
            self._last[key] = now
        return True
