# SPDX-License-Identifier: MIT
# _asyncio_more: the parts of asyncio loaded on first use (asyncio's module
# __getattr__): wait_for, wait_for_ms, Event and Lock. They suspend through
# asyncio's _Suspend protocol (see asyncio.py). Methods are module-level
# functions gathered into their classes, to keep the compiler's peak heap
# small (see asyncio.Task).
from asyncio import CancelledError, TimeoutError, _Suspend, _wake, _loop, _ms, ensure_future


async def wait_for(aw, timeout):
    if timeout is None:
        return await aw
    t = ensure_future(aw)
    if timeout > 0 and not t.state:
        await _Suspend((t, _ms(timeout)))
    if t.state:
        return t.result()
    t.cancel()
    try:
        return await t
    except CancelledError as e:
        raise TimeoutError() from e


def wait_for_ms(aw, timeout):
    return wait_for(aw, None if timeout is None else timeout / 1000)


def _event_init(self):
    self.value = False
    self.queue = []


def _event_is_set(self):
    return self.value


def _event_set(self):
    if not self.value:
        self.value = True
        for t in self.queue[:]:
            _wake(t)  # takes it off the queue


def _event_clear(self):
    self.value = False


async def _event_wait(self):
    if not self.value:
        await _Suspend(self.queue)
    return True


class Event:
    __init__ = _event_init
    is_set = _event_is_set
    set = _event_set
    clear = _event_clear
    wait = _event_wait


del _event_init, _event_is_set, _event_set, _event_clear, _event_wait


def _lock_init(self):
    self.held = False
    self.queue = []
    self.handed = None  # the waiter release() gave the lock to


def _lock_locked(self):
    return self.held


async def _lock_acquire(self):
    if self.held or self.queue:
        try:
            await _Suspend(self.queue)
        except CancelledError:
            if self.handed is _loop[1]:
                self.handed = None
                self.release()
            raise
        self.handed = None
    self.held = True
    return True


def _lock_release(self):
    if not self.held:
        raise RuntimeError("Lock is not acquired.")
    if self.queue:
        self.handed = self.queue[0]
        _wake(self.handed)
    else:
        self.held = False


async def _lock_aenter(self):
    await self.acquire()


async def _lock_aexit(self, exc_type, exc, tb):
    self.release()


class Lock:
    __init__ = _lock_init
    locked = _lock_locked
    acquire = _lock_acquire
    release = _lock_release
    __aenter__ = _lock_aenter
    __aexit__ = _lock_aexit


del _lock_init, _lock_locked, _lock_acquire, _lock_release, _lock_aenter, _lock_aexit
