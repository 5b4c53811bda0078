# SPDX-License-Identifier: MIT
# asyncio: cooperative tasks over coroutines, frozen into the firmware.
#
# Small on purpose (every function costs heap once compiled): the Task is
# the only future. The loop keeps CPython's order of events so programs
# print the same: a ready list run in batches (each pass runs what was
# ready when it began), timers that wake their task one pass after they
# expire, and wake-ups of waiters that run in the next pass.
#
# A coroutine suspends by yielding to Task._step, through the awaitables
# below, one of:
#   None        run again in the next pass (sleep(0))
#   int ms      sleep that long
#   a Task      wait until that task is done
#   a list      wait in that queue (Event, Lock) until someone wakes it
#   _ANY        wait for a wake-up from any task it registered with (gather)
#   (Task, ms)  wait for the task, at most ms (wait_for)
# A waiting task records what it waits on in .on (and its timer in .tm);
# _wake undoes both, so cancellation can wake any waiting task.
#
# Time is counted in ms on a clock that never wraps, built from
# time.ticks_ms (which does).
#
# Event, Lock and wait_for live in _asyncio_more, loaded on first use
# through the module __getattr__ below, so programs that need only tasks
# and sleeps keep that heap.
import time
from heapq import heappush, heappop

TimeoutError = TimeoutError  # the builtin, as asyncio.TimeoutError is in CPython 3.11


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


_ready = []  # Tasks to step, and expired timer entries
_timers = []  # heap of [when_ms, sequence, task]; task None once cancelled
_tasks = []  # unfinished tasks, in creation order
_ANY = object()
_loop = [False, None, 0, 0, 0]  # running, current task, clock ms, last ticks, timer sequence


def _now():
    t = time.ticks_ms()
    _loop[2] += time.ticks_diff(t, _loop[3])
    _loop[3] = t
    return _loop[2]


def _ms(seconds):
    ms = seconds * 1000
    return int(ms) + (int(ms) < ms)


class _Suspend:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        yield self.what


# The methods are module-level functions gathered into the class below:
# the compiler then handles one function at a time, which keeps its peak
# heap use small on the chip.
def _task_init(self, coro):
    if type(coro) is not _coro_type:
        raise TypeError("a coroutine was expected, got " + repr(coro))
    self.coro = coro
    self.state = 0  # 0 pending, 1 done, 2 cancelled
    self.value = None  # result, or the exception when error is True
    self.error = False
    self.waiters = []
    self.on = None
    self.tm = None
    self.must_cancel = False
    _tasks.append(self)
    _ready.append(self)


def _task_done(self):
    return self.state > 0


def _task_cancelled(self):
    return self.state == 2


def _task_result(self):
    if self.state == 0:
        raise InvalidStateError("Result is not set.")
    if self.state == 2:
        raise CancelledError()
    if self.error:
        raise self.value
    return self.value


def _task_exception(self):
    if self.state == 0:
        raise InvalidStateError("Exception is not set.")
    if self.state == 2:
        raise CancelledError()
    return self.value if self.error else None


def _task_cancel(self, msg=None):
    if self.state:
        return False
    on = self.on
    if type(on) is Task and on.cancel():
        # Its end wakes this task, whose await then raises CancelledError.
        return True
    self.must_cancel = True
    if on is not None or self.tm is not None:
        _wake(self)
    return True


def _task_await(self):
    if not self.state:
        yield self
    return self.result()


def _task_step(self):
    if self.state:
        return
    exc = None
    if self.must_cancel:
        self.must_cancel = False
        exc = CancelledError()
    _loop[1] = self
    try:
        if exc is None:
            what = self.coro.send(None)
        else:
            what = self.coro.throw(exc)
    except StopIteration as e:
        self._end(1, e.value, False)
    except CancelledError:
        self._end(2, None, False)
    except BaseException as e:
        self._end(1, e, True)
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
    else:
        if what is None:
            _ready.append(self)
        elif type(what) is int:
            _sleep(self, what)
        elif type(what) is list:
            what.append(self)
            self.on = what
        elif what is _ANY:
            self.on = _ANY
        else:
            if type(what) is tuple:
                _sleep(self, what[1])
                what = what[0]
            what.waiters.append(self)
            self.on = what
        if self.must_cancel:
            # Cancelled itself while running: deliver it now.
            _wake(self)
    finally:
        _loop[1] = None


def _task_end(self, state, value, error):
    self.state = state
    self.value = value
    self.error = error
    _tasks.remove(self)
    for w in self.waiters:
        if w.on is self or w.on is _ANY:
            _wake(w)
    self.waiters = None


class Task:
    __init__ = _task_init
    done = _task_done
    cancelled = _task_cancelled
    result = _task_result
    exception = _task_exception
    cancel = _task_cancel
    __await__ = _task_await
    _step = _task_step
    _end = _task_end


del _task_init, _task_done, _task_cancelled, _task_result, _task_exception, _task_cancel
del _task_await, _task_step, _task_end


def _sleep(task, ms):
    _loop[4] += 1
    task.tm = entry = [_now() + ms, _loop[4], task]
    heappush(_timers, entry)


def _wake(task):
    if task.tm is not None:
        task.tm[2] = None
        task.tm = None
    if type(task.on) is list:
        task.on.remove(task)
    task.on = None
    _ready.append(task)


def _run_until(task):
    while not task.state:
        if not _ready:
            while _timers and _timers[0][2] is None:
                heappop(_timers)
            if not _timers:
                raise RuntimeError("asyncio: every task waits and no timer is pending")
            wait = _timers[0][0] - _now()
            if wait > 0:
                time.sleep_ms(wait)
        now = _now()
        while _timers and _timers[0][0] <= now:
            entry = heappop(_timers)
            if entry[2] is not None:
                _ready.append(entry)
        batch = _ready[:]
        del _ready[:]
        for item in batch:
            if type(item) is list:
                if item[2] is not None:
                    _wake(item[2])
            else:
                item._step()


def _reset(running):
    del _ready[:]
    del _timers[:]
    del _tasks[:]
    _loop[0] = running
    _loop[1] = None
    _loop[3] = time.ticks_ms()


def run(main):
    if _loop[0]:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if type(main) is not _coro_type:
        raise ValueError("a coroutine was expected, got " + repr(main))
    _reset(True)
    try:
        task = Task(main)
        _run_until(task)
        if _tasks:
            # As CPython does: cancel what is left and let it finish.
            left = _tasks[:]
            for t in left:
                t.cancel()
            _run_until(gather(*left, return_exceptions=True))
        return task.result()
    finally:
        _reset(False)


def get_running_loop():
    if not _loop[0]:
        raise RuntimeError("no running event loop")


def create_task(coro):
    if not _loop[0]:
        if type(coro) is _coro_type:
            coro.close()
        raise RuntimeError("no running event loop")
    return Task(coro)


def ensure_future(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def current_task():
    get_running_loop()
    return _loop[1]


async def sleep_ms(ms, result=None):
    await _Suspend(int(ms) if ms > 0 else None)
    return result


def sleep(delay, result=None):
    return sleep_ms(_ms(delay), result)


_coro = sleep_ms(0)  # any coroutine gives the type
_coro_type = type(_coro)
_coro.close()
del _coro


async def _gather(tasks, return_exceptions):
    me = _loop[1]
    for t in tasks:
        if not t.state:
            t.waiters.append(me)
    while True:
        left = 0
        for t in tasks:
            if not t.state:
                left += 1
            elif not return_exceptions and (t.state == 2 or t.error):
                return t.result()
        if not left:
            return [CancelledError() if t.state == 2 else t.value for t in tasks]
        try:
            await _Suspend(_ANY)
        except CancelledError:
            for t in tasks:
                t.cancel()
            while [t for t in tasks if not t.state]:
                await _Suspend(_ANY)
            raise


def gather(*aws, return_exceptions=False):
    return create_task(_gather([ensure_future(a) for a in aws], return_exceptions))


def __getattr__(name):
    if name not in ("wait_for", "wait_for_ms", "Event", "Lock"):
        raise AttributeError("module 'asyncio' has no attribute '" + name + "'")
    import _asyncio_more

    value = getattr(_asyncio_more, name)
    globals()[name] = value
    return value
