# The Python half of Lockstep's bridge, run once in the runner process (before it forks a child per run, so each
# run starts with it in place and with fresh module state). It makes the standard library's concurrency go
# through the scheduler:
#  * _thread.start_new_thread starts an actor (a real OS thread the scheduler controls);
#  * threading's Lock, RLock, Condition, Semaphore, BoundedSemaphore and Event are the engine's objects, and
#    so is every lock the standard library allocates from here on (queue, Barrier, Timer, importlib's module
#    locks, concurrent.futures): nothing can hold a real lock across a scheduling point;
#  * time reads the virtual clock, random is seeded from the run's seed, print() is output of the trace;
#  * what cannot be scheduled (reading the keyboard, sockets, child processes, signals) is refused with a clear
#    error; the runner's audit hook refuses the rest (see RunnerProcess.cpp).
import sys
import _lockstep as _ls
import _thread
import linecache  # before allocate_lock is replaced: naming a lock reads source lines through it

# Pure-Python asyncio Task/Future and queue.SimpleQueue: their C versions keep state across interpreters
# (3.11) and block in C where the scheduler cannot see it.
sys.modules['_asyncio'] = None
sys.modules['_queue'] = None

_quiet = True  # the standard library's own set-up: objects exist but take no steps yet
_MAIN_PATH = ''
_USER_DIR = ''
_STDLIB = sys.prefix + '/lib/python'


# Naming an object reads source lines and walks frames; a program that makes 100,000 futures names 200,000
# locks from the same few lines, so the answers are kept per file and per (file, line). _setup empties them.
_user_file_cache = {}
_target_cache = {}


def _is_user_file(filename):
    known = _user_file_cache.get(filename)
    if known is None:
        known = _user_file_cache[filename] = filename == _MAIN_PATH or (
            filename.startswith(_USER_DIR) and filename.endswith('.py') and not filename.startswith(_STDLIB))
    return known


def _target_of(frame):
    """The name a statement assigns to: 'lock' for `lock = threading.Lock()`, 'mutex' for `self.mutex = ...`."""
    key = (frame.f_code.co_filename, frame.f_lineno)
    name = _target_cache.get(key)
    if name is None:
        name = _target_cache[key] = _target_of_line(linecache.getline(*key).strip())
    return name


def _target_of_line(text):
    if text.startswith(('with ', 'async with ')) and ' as ' in text:
        name = text.rsplit(' as ', 1)[1].rstrip(':').strip()  # `with ThreadPoolExecutor(2) as pool:`
        return name if name.isidentifier() else ''
    head = text.split('=', 1)[0] if '=' in text and not text.startswith(('if ', 'while ', 'return ')) else ''
    head = head.strip().split(':')[0].strip()
    if head.startswith('self.'):
        head = head[5:]
    return head if head.replace('_', 'a').replace('.', 'a').isalnum() else ''


def _creator():
    """The frame that is creating an object: the first one outside this bridge."""
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back
    return f


def _name_for(f):
    """A readable, stable name for an object created in frame f: the variable the learner's code assigns it
    to, prefixed by the learner's variable when the standard library creates it (q.not_empty for queue.Queue)."""
    if f is None:
        return ''
    if f.f_code.co_filename.startswith('<frozen importlib'):
        module = f.f_locals.get('name')
        return f"import {module}" if isinstance(module, str) else 'import'
    inner = _target_of(f)
    if _is_user_file(f.f_code.co_filename):
        return inner
    g = f.f_back
    while g is not None and not _is_user_file(g.f_code.co_filename):
        g = g.f_back
    if g is not None:
        outer = _target_of(g)
        if outer:
            return outer + '.' + inner if inner else outer
    module = f.f_globals.get('__name__', '')
    return module + '.' + inner if inner else ''


def _timeout_arg(blocking, timeout):
    if timeout is None:
        timeout = -1
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    return timeout


class _Engine:
    """An engine object made on first use (so the standard library's unused locks never show), or at once when
    the learner's code creates it (so it appears at that line). One the learner's code did not create (a
    Thread's _started Event, a Queue's not_full) is the standard library's own: the views hide it unless asked."""
    __slots__ = ('_h', '_name', '_internal', '__weakref__')

    def __init__(self):
        self._h = None
        creator = _creator()
        self._name = _name_for(creator)
        self._internal = creator is None or not _is_user_file(creator.f_code.co_filename)
        if not _quiet and not self._internal:
            self._handle()

    def _handle(self):
        if self._h is None:
            h = self._make()
            if self._internal:
                _ls.mark_internal(h)
            self._h = h
        return self._h

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__name__} {self._name or 'object'} (Lockstep)>"


class Lock(_Engine):
    __slots__ = ('_qcount',)
    _reentrant = False

    def __init__(self):
        self._qcount = 0
        super().__init__()

    def _make(self):
        return _ls.new_lock(self._name, self._reentrant)

    def acquire(self, blocking=True, timeout=-1):
        if not blocking or timeout != -1:  # the plain `with lock:` needs no checks (it is most of them)
            timeout = _timeout_arg(blocking, timeout)
        if _quiet:
            self._qcount += 1
            return True
        h = self._h
        return _ls.acquire(self._handle() if h is None else h, blocking, timeout)

    def release(self):
        if _quiet:
            self._qcount = max(0, self._qcount - 1)
            return
        h = self._h
        _ls.release(self._handle() if h is None else h)

    def locked(self):
        return False if _quiet else _ls.locked(self._handle())

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return _ls.is_owned(self._handle())

    def _at_fork_reinit(self):
        # In a forked child (a multiprocessing Process), as in CPython: the lock is free again, a new one of the
        # child's own (the parent's may be held, by a thread the child does not have, or for the fork itself).
        self._h = None
        self._qcount = 0

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked


class RLock(Lock):
    __slots__ = ('_depth',)
    _reentrant = True

    def __init__(self):
        self._depth = 0  # the owner's acquisitions not yet released (only the owner changes it)
        super().__init__()

    def acquire(self, blocking=True, timeout=-1):
        got = super().acquire(blocking, timeout)
        if got and not _quiet:
            self._depth += 1
        return got

    def _at_fork_reinit(self):
        super()._at_fork_reinit()
        self._depth = 0

    def release(self):
        # Counted down before the engine's release: once released, another thread may take the lock and count.
        owned = not _quiet and self._is_owned()
        if owned:
            self._depth -= 1
        try:
            super().release()
        except BaseException:
            if owned:
                self._depth += 1
            raise

    def locked(self):
        return False if _quiet else _ls.locked(self._handle())

    def _recursion_count(self):
        # CPython's helper (3.11): how many times the calling thread holds the lock, 0 for any other thread.
        return self._depth if not _quiet and self._is_owned() else 0

    acquire_lock = acquire
    release_lock = release


class Condition(_Engine):
    __slots__ = ('_lock', 'acquire', 'release')

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        if not isinstance(lock, Lock):
            raise TypeError("Lockstep's Condition needs a threading.Lock or threading.RLock")
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        super().__init__()

    def _make(self):
        return _ls.new_condition(self._name, self._lock._handle())

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def _is_owned(self):
        return self._lock._is_owned()

    def wait(self, timeout=None):
        if _quiet:
            return True
        # The engine releases an RLock whole while waiting and takes it back as deep: its count goes with it.
        depth = getattr(self._lock, '_depth', None)
        if depth is not None and self._lock._is_owned():
            self._lock._depth = 0
        try:
            return _ls.wait(self._handle(), -1 if timeout is None else max(timeout, 0))
        finally:
            if depth is not None and self._lock._is_owned():
                self._lock._depth = depth

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _ls.now() + waittime
                else:
                    waittime = endtime - _ls.now()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not _quiet:
            _ls.notify(self._handle(), n)

    def notify_all(self):
        if not _quiet:
            _ls.notify(self._handle(), -1)

    def notifyAll(self):
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead', DeprecationWarning, stacklevel=2)
        self.notify_all()


class Semaphore(_Engine):
    __slots__ = ('_value0',)
    _bounded = False

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value0 = value
        super().__init__()

    def _make(self):
        return _ls.new_semaphore(self._name, self._value0, self._bounded)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if _quiet:
            return True
        return _ls.acquire(self._handle(), blocking, -1 if timeout is None else max(timeout, 0))

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if not _quiet:
            _ls.release(self._handle(), n)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    @property
    def _value(self):
        return _ls.sem_value(self._handle())


class BoundedSemaphore(Semaphore):
    __slots__ = ()
    _bounded = True


class Event(_Engine):
    __slots__ = ('_qflag',)

    def __init__(self):
        self._qflag = False
        super().__init__()

    def _make(self):
        h = _ls.new_event(self._name)
        if self._qflag:
            _ls.event_set(h, True)
        return h

    def is_set(self):
        return self._qflag if _quiet or self._h is None else _ls.event_is_set(self._h)

    def isSet(self):
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead', DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        if _quiet:
            self._qflag = True
        else:
            _ls.event_set(self._handle(), True)

    def clear(self):
        if _quiet:
            self._qflag = False
        else:
            _ls.event_set(self._handle(), False)

    def wait(self, timeout=None):
        if _quiet:
            return self._qflag
        return _ls.wait(self._handle(), -1 if timeout is None else max(timeout, 0))

    def _at_fork_reinit(self):
        pass


class _ImportLock(Semaphore):
    """importlib's module locks (_ModuleLock.lock and .wakeup). importlib releases `wakeup` from another thread
    than the one that took it (a binary semaphore in all but name), so it is one here: a Lock would make the
    wait-for graph report a thread waiting for "its own" lock as a deadlock."""
    __slots__ = ()

    def __init__(self):
        super().__init__(1)

    def acquire(self, blocking=True, timeout=-1):
        return super().acquire(blocking, None if timeout == -1 else timeout)

    def locked(self):
        return False if _quiet or self._h is None else _ls.sem_value(self._h) == 0

    def release(self):
        super().release()


_real_lock = _thread.allocate_lock


def _allocate_lock():
    caller = sys._getframe(1)
    if caller.f_code.co_filename.startswith('<frozen importlib'):
        # The learner's own modules run their lines (scheduling points) while their import lock is held, so
        # that lock must be the scheduler's. A standard-library module's top level has no scheduling point:
        # its lock stays real and off the timeline.
        name = caller.f_locals.get('name')
        if isinstance(name, str) and _is_user_module(name):
            return _ImportLock()
        return _real_lock()
    return Lock()


def _is_user_module(name):
    import os
    if not _USER_DIR:
        return False  # the runner's own imports, before any program
    base = _USER_DIR + name.replace('.', '/')
    return os.path.exists(base + '.py') or os.path.exists(base + '/__init__.py')


class _Sentinel:
    """What threading joins on (_thread._set_sentinel): acquiring it from another thread is a join of the
    engine's thread, so a join shows on the timeline as in the built-in scenarios."""
    __slots__ = ('_t',)

    def __init__(self):
        self._t = _ls.current_thread() if _ls.inside_run() else -1

    def acquire(self, blocking=True, timeout=-1):
        if self._t < 0 or _quiet or _ls.current_thread() == self._t:
            return True
        if not blocking:
            return not _ls.alive(self._t)
        return _ls.join(self._t, -1 if timeout is None else timeout)

    def release(self):
        pass

    def locked(self):
        return self._t >= 0 and not _quiet and _ls.alive(self._t)

    def _at_fork_reinit(self):
        pass

    __enter__ = acquire

    def __exit__(self, *exc):
        pass


def _start_new_thread(function, args, kwargs=None):
    owner = getattr(function, '__self__', None)
    name, daemon = '', True  # a bare _thread thread does not keep the program alive
    if owner is not None and hasattr(owner, '_daemonic') and hasattr(owner, '_name'):
        name, daemon = owner._name, owner._daemonic
    return _ls.start_thread(function, tuple(args), dict(kwargs or {}), name, daemon)


_thread.start_new_thread = _start_new_thread
_thread.start_new = _start_new_thread
_thread._set_sentinel = _Sentinel

# threading keeps two module locks of its own (_active_limbo_lock, _shutdown_locks_lock); they are held only
# for dictionary updates, never across a scheduling point, so they stay real. Everything else is ours.
import threading  # noqa: E402

for _name in ('Lock', 'RLock', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Event'):
    setattr(threading, _name, globals()[_name])
threading._allocate_lock = Lock
threading._CRLock = RLock
threading._PyRLock = RLock
_thread.allocate_lock = _allocate_lock
_thread.allocate = _allocate_lock
_thread.LockType = Lock
_thread.RLock = RLock

_excepthook = threading.excepthook


def _thread_excepthook(args):
    if args.exc_type is _ls.RunAborted:
        raise args.exc_value
    if args.exc_type is SystemExit:
        return  # CPython's hook is silent about it too: the thread just ends
    import traceback
    name = args.thread.name if args.thread is not None else _thread.get_ident()
    text = f"Exception in thread {name}:\n" + ''.join(
        traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    _ls.emit(text.rstrip('\n'), True)
    _ls.fail(''.join(traceback.format_exception_only(args.exc_type, args.exc_value)).strip())


threading.excepthook = _thread_excepthook
threading.__excepthook__ = _thread_excepthook


class _NoShutdownLocks(set):
    """threading's set of the locks interpreter exit waits on. The engine itself ends a run when every
    non-daemon thread has ended, so the set is not needed; keeping it would make each thread's start and end
    look at every other thread (threading._maintain_shutdown_locks), which the explorer would have to take for
    an order between all of them."""

    def add(self, lock):
        pass


threading._shutdown_locks = _NoShutdownLocks()
threading._maintain_shutdown_locks = lambda: None


# ---- time and random ----
import time  # noqa: E402

time.sleep = _ls.sleep
time.monotonic = time.perf_counter = _ls.now
time.monotonic_ns = time.perf_counter_ns = _ls.now_ns


# CPU time is the virtual clock's too: what the learner's instructions cost (the "cpu" parameter).
def _process_time_ns():
    return _ls.cpu_time_ns(True)


def _thread_time_ns():
    return _ls.cpu_time_ns(False)


def _process_time():
    return _ls.cpu_time_ns(True) / 1e9


def _thread_time():
    return _ls.cpu_time_ns(False) / 1e9


time.process_time, time.process_time_ns = _process_time, _process_time_ns
time.thread_time, time.thread_time_ns = _thread_time, _thread_time_ns
# The GIL's switch interval is the run's: a CPU burst holding the GIL hands it over after that long.
sys.getswitchinterval = _ls.switch_interval
sys.setswitchinterval = _ls.set_switch_interval

# One clock: the wall clock reads the run's start instant plus the virtual time, so dates look real, advance
# with sleeps, and are the same in a replay. _setup sets the start.
_wall_start = 0


def _wall_time():
    return _wall_start + _ls.now()


def _wall_time_ns():
    return _wall_start * 1_000_000_000 + _ls.now_ns()


class _WithWallTime:
    """time.localtime() and its kin without a time: the wall clock's. An object, not a function, so that as a
    class attribute it is not bound to an instance, like the builtin it stands for (logging's Formatter keeps
    time.localtime as its `converter`)."""
    __slots__ = ('_real', '_takes_tuple', '__name__')

    def __init__(self, real, takes_tuple=False):
        self._real = real
        self._takes_tuple = takes_tuple
        self.__name__ = real.__name__

    def __call__(self, *args):
        if not args or (len(args) == 1 and args[0] is None):
            return self._real(time.localtime() if self._takes_tuple else _wall_time())
        return self._real(*args)


class _StrftimeWithWallTime(_WithWallTime):
    __slots__ = ()

    def __call__(self, format, *t):
        return self._real(format, *(t if t else (time.localtime(),)))


time.time = _wall_time
time.time_ns = _wall_time_ns
time.localtime = _WithWallTime(time.localtime)
time.gmtime = _WithWallTime(time.gmtime)
time.ctime = _WithWallTime(time.ctime)
time.asctime = _WithWallTime(time.asctime, takes_tuple=True)
time.strftime = _StrftimeWithWallTime(time.strftime)


def _clock_datetime():
    """datetime's now(), today() and utcnow() read the C library's clock, not time.time(): subclasses that read
    the wall clock above take the classes' places (and their names, so a repr still says datetime.datetime)."""
    import datetime as module
    real_date, real_datetime = module.date, module.datetime

    class date(real_date):
        __slots__ = ()

        @classmethod
        def today(cls):
            return cls.fromtimestamp(_wall_time())

    class datetime(real_datetime, date):
        __slots__ = ()

        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(_wall_time(), tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(_wall_time())

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(_wall_time())

        def date(self):
            return date(self.year, self.month, self.day)

    for cls in (date, datetime):
        cls.__module__ = 'datetime'
        # The C repr prints the bare type name of a subclass ("datetime(2026, ...)"), the module's own class'
        # with its module: datetime.datetime(2026, ...).
        cls.__repr__ = lambda self, real=cls.__mro__[1].__repr__: 'datetime.' + real(self)
    module.date, module.datetime = date, datetime


_clock_datetime()


# ---- output ----
import io  # noqa: E402


class _Output(io.TextIOBase):
    """sys.stdout / sys.stderr: each completed line (or block of lines written at once) is one Print event of
    the writing thread, in the order the scheduler ran them."""

    def __init__(self, to_stderr):
        self._err = to_stderr
        self._partial = {}

    def writable(self):
        return True

    @property
    def encoding(self):
        return 'utf-8'

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        key = _thread.get_ident()
        text = self._partial.get(key, '') + s
        cut = text.rfind('\n')
        if cut < 0:
            self._partial[key] = text
        else:
            self._partial[key] = text[cut + 1:]
            if not _quiet and _ls.inside_run():
                _ls.emit(text[:cut], self._err)
        return len(s)

    def flush(self):
        key = _thread.get_ident()
        text = self._partial.pop(key, '')
        if text and not _quiet and _ls.inside_run():
            _ls.emit(text, self._err)


sys.stdout = sys.__stdout__ = _Output(False)
sys.stderr = sys.__stderr__ = _Output(True)
sys.stdin = sys.__stdin__ = io.StringIO('')


def _traceback_at_once():
    """traceback.print_exc() and print_exception() write a traceback frame by frame; written at once, it is one
    printed block of its thread or process (as a thread's uncaught exception is), with the same text."""
    import traceback

    def print_exception(exc, /, value=traceback._sentinel, tb=traceback._sentinel, limit=None, file=None,
                        chain=True):
        text = ''.join(traceback.format_exception(exc, value, tb, limit=limit, chain=chain))
        (sys.stderr if file is None else file).write(text)

    def print_exc(limit=None, file=None, chain=True):
        print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)

    traceback.print_exception, traceback.print_exc = print_exception, print_exc


_traceback_at_once()


# ---- what cannot run under the scheduler ----
import builtins  # noqa: E402


def _input(prompt=''):
    raise RuntimeError("input() is not supported yet: a program run by Lockstep cannot wait for the keyboard; "
                       "put the value in the program instead")


builtins.input = _input


class _Refused:
    """Refuses, at import, modules whose work happens outside the scheduler's control."""
    _WHY = {
        'ctypes': "not supported in a program run by Lockstep: ctypes (foreign code can write anywhere in memory "
                  "and crash the run); use Python's own types, e.g. a list or bytearray",
        '_ctypes': "not supported in a program run by Lockstep: ctypes (foreign code can write anywhere in memory "
                   "and crash the run); use Python's own types, e.g. a list or bytearray",
    }

    def find_spec(self, name, path=None, target=None):
        root = name.split('.')[0]
        if root in self._WHY:
            raise ImportError(self._WHY[root], name=name)
        return None


sys.meta_path.insert(0, _Refused())


_NO_SOCKETS = ("not supported in a program run by Lockstep: sockets (a real network wait would happen outside "
               "the scheduler); pass data between threads with queue.Queue")


def _refuse_socket():
    import socket
    import _socket

    class _Socket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise RuntimeError(_NO_SOCKETS)

    def _refused(*args, **kwargs):
        raise RuntimeError(_NO_SOCKETS)

    socket.socket = _Socket
    socket.SocketType = _Socket
    # socket.__new__ is refused by the audit hook, which covers _socket.socket too; these make sockets
    # without that event.
    for module in (socket, _socket):
        for name in ('socketpair', 'fromfd', 'create_connection', 'create_server'):
            if hasattr(module, name):
                setattr(module, name, _refused)
    import select

    def _select(rlist, wlist, xlist, timeout=None):
        if rlist or wlist or xlist:
            raise RuntimeError("not supported yet: select() on files or sockets in a program run by Lockstep")
        if timeout is None:
            raise RuntimeError("select() with nothing to wait for and no timeout would wait forever")
        _ls.sleep(timeout)
        return [], [], []

    select.select = _select
    import subprocess

    class _Popen(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            raise RuntimeError(_NO_PROCESSES.format('subprocess'))

    subprocess.Popen = _Popen
    # The C half of subprocess forks without an audit event of its own.
    import _posixsubprocess

    def _fork_exec(*args, **kwargs):
        raise RuntimeError(_NO_PROCESSES.format('subprocess'))

    _posixsubprocess.fork_exec = _fork_exec


_NO_PROCESSES = ("not supported in a program run by Lockstep: {} (it would start a process that runs outside the "
                 "scheduler and could outlive the run); start a multiprocessing.Process instead, which Lockstep "
                 "runs as a real child process under the scheduler")


def _refuse_signals():
    """Signals reach the process that runs the program, not a thread of it: an alarm or a handler would end or
    interrupt the whole run for real."""
    import signal
    import _signal
    why = {
        'alarm': "use threading.Timer or time.sleep, which run on the virtual clock",
        'setitimer': "use threading.Timer or time.sleep, which run on the virtual clock",
        'signal': "to stop a thread, let it check a threading.Event",
        'raise_signal': "to stop a thread, let it check a threading.Event",
        'siginterrupt': "to stop a thread, let it check a threading.Event",
        'pthread_kill': "to stop a thread, let it check a threading.Event",
    }

    def refusing(name, hint):
        def refused(*args, **kwargs):
            raise RuntimeError(f"not supported in a program run by Lockstep: signal.{name} (a signal would reach "
                               f"the process that runs your program); {hint}")
        return refused

    for name, hint in why.items():
        for module in (signal, _signal):
            if hasattr(module, name):
                setattr(module, name, refusing(name, hint))


_PRELOAD = ('queue', 'random', 'logging', 'concurrent.futures', 'asyncio', 'collections', 'functools',
            'dataclasses', 'itertools', 'traceback', 'linecache', 'contextlib')


def _prepare():
    """Once, in the runner: import what programs usually use while nothing is scheduled (so the standard
    library's set-up takes no steps and costs no run anything), and refuse what cannot run under the scheduler."""
    import importlib
    for name in _PRELOAD:
        importlib.import_module(name)
    _refuse_socket()
    _refuse_signals()
    import queue
    queue.SimpleQueue = queue._PySimpleQueue
    _lockstep_asyncio_setup()
    _lockstep_multiprocessing_setup()


def _become_main():
    """The runner imported threading on its own main thread; in a run, the program's main thread is the main
    actor's, so threading's MainThread takes its identity (as threading does after a fork)."""
    # threading's after-fork hook made its two module locks anew with _allocate_lock, which is ours by then:
    # they must stay real (held only around dictionary updates, never across a scheduling point).
    threading._active_limbo_lock = _real_lock()
    threading._shutdown_locks_lock = _real_lock()
    main = threading._main_thread
    with threading._active_limbo_lock:
        threading._active.pop(main._ident, None)
        main._ident = _thread.get_ident()
        main._set_native_id()
        threading._active[main._ident] = main


def _setup(path, source):
    """Before the program: remember which files are the learner's, seed random."""
    global _MAIN_PATH, _USER_DIR
    import os
    _become_main()
    _MAIN_PATH = path
    _USER_DIR = os.path.dirname(path) + '/'
    _user_file_cache.clear()
    _target_cache.clear()
    if _USER_DIR not in sys.path:
        sys.path.insert(0, os.path.dirname(path))
    global _wall_start
    _wall_start = _ls.wall_start()
    import random
    random.seed(_ls.seed())
    import linecache
    lines = source.splitlines(True)
    linecache.cache[path] = (len(source), None, lines, path)


def _lockstep_asyncio_setup():
    """asyncio on the virtual clock: the loop's time is the scheduler's, and its selector never blocks for
    real (a wait for the next timer is a timed wait on an engine Event that call_soon_threadsafe sets). Every
    task is made by a Task subclass that records its life for the task lanes."""
    import asyncio
    import selectors
    from asyncio import tasks

    class _Selector(selectors.BaseSelector):
        def __init__(self):
            self._wakeup = Event()
            self._wakeup._name = 'event loop wake-up'
            self._map = {}

        def register(self, fileobj, events, data=None):
            raise RuntimeError("not supported yet: files, pipes and sockets in asyncio under Lockstep (the event "
                               "loop would wait for them outside the scheduler)")

        def unregister(self, fileobj):
            raise KeyError(fileobj)

        def get_map(self):
            return self._map

        def close(self):
            pass

        def select(self, timeout=None):
            if timeout is not None and timeout <= 0:
                if self._wakeup.is_set():
                    self._wakeup.clear()
                return []
            self._wakeup.wait(timeout)
            if self._wakeup.is_set():
                self._wakeup.clear()
            return []

    class _Loop(asyncio.SelectorEventLoop):
        def __init__(self):
            super().__init__(_Selector())

        def time(self):
            return _ls.now()

        def _make_self_pipe(self):
            self._ssock = self._csock = None
            self._internal_fds = 0

        def _close_self_pipe(self):
            pass

        def _write_to_self(self):
            self._selector._wakeup.set()

    class _Policy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = _Loop

    class _Task(tasks._PyTask):
        def __init__(self, coro, *, loop=None, name=None, context=None):
            super().__init__(coro, loop=loop, name=name, context=context)
            self._ls_h = _ls.new_task(self.get_name())
            self._ls_first = True
            self._ls_sleep = None

        def _Task__step(self, exc=None):
            _ls.task_event(self._ls_h, 0 if self._ls_first else 1, 0)
            self._ls_first = False
            self._ls_sleep = None
            try:
                super()._Task__step(exc)
            finally:
                self._ls_after_step()

        def _ls_after_step(self):
            if self.done():
                if self.cancelled():
                    _ls.task_event(self._ls_h, 7, 0)
                elif self.exception() is not None:
                    e = self.exception()
                    _ls.task_event(self._ls_h, 6, 0, f"{type(e).__name__}: {e}")
                else:
                    _ls.task_event(self._ls_h, 5, 0, repr(self.result()))
            elif self._ls_sleep is not None:
                _ls.task_event(self._ls_h, 3, round(self._ls_sleep * 1e6))
            else:
                waiter = self._fut_waiter
                _ls.task_event(self._ls_h, 2, waiter._ls_h if isinstance(waiter, _Task) else -1)

        def set_name(self, value):
            super().set_name(value)
            _ls.rename_task(self._ls_h, self.get_name())

    _plain_sleep = asyncio.sleep

    async def sleep(delay, result=None):
        task = tasks.current_task()
        if isinstance(task, _Task) and delay > 0:
            task._ls_sleep = delay
        return await _plain_sleep(delay, result)

    asyncio.sleep = tasks.sleep = sleep
    tasks.Task = asyncio.Task = _Task
    asyncio.set_event_loop_policy(_Policy())


# ---- multiprocessing ----
# A Process is a real fork of the run's process (Processes.cpp), made when start() is called, as CPython's
# default start method on Linux makes it; its objects (queues, pipes, locks, semaphores, events, shared values
# and arrays) live in the run's process, where each operation is a step of the process that does it.

def _ns(timeout):
    """A timeout in seconds as the bridge takes it: nanoseconds, None for ever (a negative one is no wait)."""
    if timeout is None:
        return None
    return max(0, int(timeout * 1e9))


class _MpObject:
    """A handle to one of multiprocessing's objects, usable from every process; pickled by handle, as Python's
    own travel to a child."""
    __slots__ = ('_ls_mp', '__weakref__')

    def __reduce__(self):
        return (_mp_object, self._ls_mp)

    def __eq__(self, other):
        return isinstance(other, _MpObject) and other._ls_mp == self._ls_mp

    def __hash__(self):
        return hash(self._ls_mp)

    def __repr__(self):
        return f"<{self._ls_mp[0]} object #{self._ls_mp[1]} (Lockstep)>"


_MP_CLASSES = {}


def _mp_object(kind, ident):
    """The bridge's way back from a handle (kind, id) to its object in this process."""
    cls = _MP_CLASSES.get(kind, _MpObject)
    obj = object.__new__(cls)
    obj._ls_mp = (kind, ident)
    return obj


def _mp_class(kind):
    def register(cls):
        _MP_CLASSES[kind] = cls
        return cls
    return register


@_mp_class('multiprocessing.Queue')
class _MpQueue(_MpObject):
    __slots__ = ()

    def put(self, obj, block=True, timeout=None):
        _ls.mp_invoke(self, 'put', obj, bool(block), _ns(timeout))

    def get(self, block=True, timeout=None):
        return _ls.mp_invoke(self, 'get', bool(block), _ns(timeout))

    def put_nowait(self, obj):
        self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _ls.mp_invoke(self, 'qsize')

    def empty(self):
        return self.qsize() == 0

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class _MpJoinableQueue:
    """multiprocessing.JoinableQueue: a queue, the count of its unfinished tasks in shared memory, and an event
    set while that count is 0 (what join() waits on)."""

    def __init__(self, queue, lock, count, done):
        self._queue, self._lock, self._count, self._done = queue, lock, count, done

    def __reduce__(self):
        return (_MpJoinableQueue, (self._queue, self._lock, self._count, self._done))

    def put(self, obj, block=True, timeout=None):
        with self._lock:
            self._count.value += 1
            self._done.clear()
        self._queue.put(obj, block, timeout)

    def task_done(self):
        with self._lock:
            if self._count.value <= 0:
                raise ValueError('task_done() called too many times')
            self._count.value -= 1
            if self._count.value == 0:
                self._done.set()

    def join(self):
        self._done.wait()

    def put_nowait(self, obj):
        self.put(obj, False)

    def __getattr__(self, name):
        return getattr(self._queue, name)


@_mp_class('Connection')
class _MpConnection(_MpObject):
    __slots__ = ()

    def send(self, obj):
        _ls.mp_invoke(self, 'send', obj)

    def recv(self):
        return _ls.mp_invoke(self, 'recv')

    send_bytes = send
    recv_bytes = recv

    def poll(self, timeout=0.0):
        return _ls.mp_invoke(self, 'poll', _ns(timeout))

    def close(self):
        _ls.mp_invoke(self, 'close')

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _MpLocking(_MpObject):
    __slots__ = ()

    def acquire(self, block=True, timeout=None):
        return _ls.mp_invoke(self, 'acquire', bool(block), _ns(timeout))

    def release(self):
        _ls.mp_invoke(self, 'release')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


_mp_class('Lock')(type('Lock', (_MpLocking,), {'__slots__': ()}))
_mp_class('RLock')(type('RLock', (_MpLocking,), {'__slots__': ()}))


@_mp_class('Semaphore')
class _MpSemaphore(_MpLocking):
    __slots__ = ()

    def get_value(self):
        return _ls.mp_invoke(self, 'sem_value')


_mp_class('BoundedSemaphore')(type('BoundedSemaphore', (_MpSemaphore,), {'__slots__': ()}))


@_mp_class('Event')
class _MpEvent(_MpObject):
    __slots__ = ()

    def set(self):
        _ls.mp_invoke(self, 'set_flag', True)

    def clear(self):
        _ls.mp_invoke(self, 'set_flag', False)

    def is_set(self):
        return _ls.mp_invoke(self, 'is_set')

    def wait(self, timeout=None):
        return _ls.mp_invoke(self, 'wait', _ns(timeout))


class _MpShared(_MpObject):
    __slots__ = ()

    def get_lock(self):
        return _ls.mp_invoke(self, 'get_lock')

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self.get_lock().acquire(*args)

    def release(self):
        return self.get_lock().release()

    def __enter__(self):
        return self.get_lock().__enter__()

    def __exit__(self, *exc):
        return self.get_lock().__exit__(*exc)


@_mp_class('Value')
class _MpValue(_MpShared):
    __slots__ = ()

    @property
    def value(self):
        return _ls.mp_load(self, None)

    @value.setter
    def value(self, v):
        _ls.mp_store(self, None, v)

    def __repr__(self):
        return f"<Synchronized wrapper for {self.value!r}>"


@_mp_class('Array')
class _MpArray(_MpShared):
    __slots__ = ()

    def __len__(self):
        return _ls.mp_length(self)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return _ls.mp_load(self, None)[i]
        return _ls.mp_load(self, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*i.indices(len(self)))
            v = list(v)
            if len(v) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for j, item in zip(indices, v):
                _ls.mp_store(self, j, item)
        else:
            _ls.mp_store(self, i, v)

    def __iter__(self):
        return iter(_ls.mp_load(self, None))

    def __repr__(self):
        return f"<SynchronizedArray wrapper for {_ls.mp_load(self, None)!r}>"


# The C types a typecode names, stored as one of the three this simulator has: C int, C long, double.
_TYPECODES = {'b': 'i', 'B': 'i', 'h': 'i', 'H': 'i', 'i': 'i', 'I': 'l', 'l': 'l', 'L': 'l', 'q': 'l', 'Q': 'l',
              'f': 'd', 'd': 'd'}


def _typecode(code):
    if not isinstance(code, str) or code not in _TYPECODES:
        raise TypeError(f"not supported yet: a shared Value or Array of type {code!r} under Lockstep (use one of "
                        f"the typecodes {', '.join(sorted(_TYPECODES))})")
    return _TYPECODES[code]


def _pool_worker(inqueue, outqueue, initializer=None, initargs=()):
    """The loop of a Pool's (or a ProcessPoolExecutor's) worker process: a task, its result, until None."""
    if initializer is not None:
        initializer(*initargs)
    import itertools
    while True:
        task = inqueue.get()
        if task is None:
            break
        job, index, func, args, kwds, mode = task
        try:
            if mode == 0:
                result = (True, func(*args, **kwds))
            elif mode == 1:
                result = (True, list(map(func, args)))
            else:
                result = (True, list(itertools.starmap(func, args)))
        except Exception as e:
            result = (False, e)
        outqueue.put((job, index, result))


class _AsyncResult:
    """What Pool.apply_async() and map_async() return: its chunks come back on the pool's result queue."""

    def __init__(self, pool, job, chunks, single, callback, error_callback):
        self._pool, self._job, self._chunks, self._single = pool, job, chunks, single
        self._callback, self._error_callback = callback, error_callback
        self._parts = {}
        self._done = chunks == 0
        pool._cache[job] = self

    def _take(self, index, result):
        self._parts[index] = result
        if len(self._parts) == self._chunks:
            self._done = True
            self._pool._cache.pop(self._job, None)
            ok, value = self._outcome()
            if ok and self._callback is not None:
                self._callback(value)
            if not ok and self._error_callback is not None:
                self._error_callback(value)

    def _outcome(self):
        values = []
        for index in sorted(self._parts):
            ok, value = self._parts[index]
            if not ok:
                return False, value
            values.append(value)
        if self._single:
            return True, values[0] if values else None
        return True, [item for chunk in values for item in chunk]

    def ready(self):
        self._pool._collect(self, 0)
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError(f"{self!r} not ready")
        return self._outcome()[0]

    def wait(self, timeout=None):
        self._pool._collect(self, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._done:
            import multiprocessing
            raise multiprocessing.TimeoutError
        ok, value = self._outcome()
        if not ok:
            raise value
        return value


class _Pool:
    """multiprocessing.Pool: worker processes that take tasks from one queue and put their results on another,
    as CPython's; the results are read by the process waiting for them (CPython's result-handler thread)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        import multiprocessing
        import os
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        ctx = context or multiprocessing.get_context()
        self._inqueue = _ls.mp_new('multiprocessing.Queue', 0, 'pool._inqueue')
        self._outqueue = _ls.mp_new('multiprocessing.Queue', 0, 'pool._outqueue')
        self._cache = {}
        self._job = 0
        self._state = 'RUN'
        self._pool = []
        for _ in range(processes):
            w = ctx.Process(target=_pool_worker, args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError("Pool not running")

    def _submit(self, tasks, single, callback=None, error_callback=None):
        self._check_running()
        job = self._job
        self._job += 1
        result = _AsyncResult(self, job, len(tasks), single, callback, error_callback)
        for index, (func, args, kwds, mode) in enumerate(tasks):
            self._inqueue.put((job, index, func, args, kwds, mode))
        return result

    def _collect(self, result, timeout):
        """Reads results off the result queue until `result` is complete or the timeout passes."""
        import time
        deadline = None if timeout is None else time.monotonic() + max(0, timeout)
        while not result._done:
            if deadline is None:
                item = self._outqueue.get()
            else:
                got = _ls.mp_invoke(self._outqueue, 'try_get', _ns(max(0, deadline - time.monotonic())))
                if not got[0]:
                    return
                item = got[1]
            job, index, outcome = item
            owner = self._cache.get(job)
            if owner is not None:
                owner._take(index, outcome)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit([(func, tuple(args), dict(kwds), 0)], True, callback, error_callback)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        return self._submit([(func, chunk, {}, 1) for chunk in self._chunks(iterable, chunksize)], False,
                            callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        return self._submit([(func, [tuple(a) for a in chunk], {}, 2) for chunk in self._chunks(iterable, chunksize)],
                            False, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        results = [self.apply_async(_map_chunk, (func, chunk)) for chunk in self._chunks(iterable, chunksize)]

        def results_in_order():
            for r in results:
                yield from r.get()
        return results_in_order()

    def imap_unordered(self, func, iterable, chunksize=1):
        results = [self.apply_async(_map_chunk, (func, chunk)) for chunk in self._chunks(iterable, chunksize)]

        def results_as_they_come():
            pending = list(results)
            while pending:
                for r in pending:
                    if r.ready():
                        pending.remove(r)
                        yield from r.get()
                        break
                else:
                    pending[0].wait()
        return results_as_they_come()

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'
            for _ in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = 'TERMINATE'
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()

    def join(self):
        if self._state == 'RUN':
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        return f"<multiprocessing.pool.Pool state={self._state} pool_size={len(self._pool)}>"


def _map_chunk(func, chunk):
    return list(map(func, chunk))


class _Proxy(_MpObject):
    """A manager's object seen from any process: compared, printed and iterated through a copy of it."""
    __slots__ = ()

    def __iter__(self):
        return iter(self.copy())

    def __eq__(self, other):
        return self.copy() == other

    __hash__ = None

    def __str__(self):
        return _ls.proxy(self, 'repr')

    __repr__ = __str__


@_mp_class('DictProxy')
class _DictProxy(_Proxy):
    """A manager's dict: each use is a request to the manager process and its answer (the engine's
    DictProxy, so the timeline draws the round trips and the inspector shows the dict)."""
    __slots__ = ()

    def __getitem__(self, key):
        return _ls.proxy(self, 'getitem', key)

    def __setitem__(self, key, value):
        _ls.proxy(self, 'set', key, value)

    def __delitem__(self, key):
        _ls.proxy(self, 'del', key)

    def __contains__(self, key):
        return _ls.proxy(self, 'contains', key)

    def __len__(self):
        return _ls.proxy(self, 'len')

    def get(self, key, default=None):
        return _ls.proxy(self, 'get', key, default)

    def pop(self, key, *default):
        return _ls.proxy(self, 'pop', key, *default)

    def keys(self):
        return _ls.proxy(self, 'keys')

    def values(self):
        return _ls.proxy(self, 'values')

    def items(self):
        return [tuple(item) for item in _ls.proxy(self, 'items')]

    def copy(self):
        return dict(self.items())

    def update(self, other=(), **kwargs):
        for key, value in (other.items() if hasattr(other, 'items') else other):
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def clear(self):
        for key in self.keys():
            del self[key]


@_mp_class('ListProxy')
class _ListProxy(_Proxy):
    """A manager's list: each use is a round trip to the manager process (the engine's ListProxy)."""
    __slots__ = ()

    def append(self, value):
        _ls.proxy(self, 'append', value)

    def extend(self, values):
        _ls.proxy(self, 'extend', list(values))

    def __iadd__(self, values):
        self.extend(values)
        return self

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.copy()[index]
        return _ls.proxy(self, 'getitem', index)

    def __setitem__(self, index, value):
        _ls.proxy(self, 'set', index, value)

    def __len__(self):
        return _ls.proxy(self, 'len')

    def pop(self, index=-1):
        return _ls.proxy(self, 'pop', index)

    def __contains__(self, value):
        return _ls.proxy(self, 'contains', value)

    def copy(self):
        return _ls.proxy(self, 'copy')

    def index(self, value):
        return self.copy().index(value)

    def count(self, value):
        return self.copy().count(value)


class _Manager:
    """multiprocessing.Manager(): a server process ("SyncManager-N") that keeps dicts and lists for every
    process (the engine's Manager); its locks, queues, values and events are multiprocessing's own, which
    every process can use already."""

    def __init__(self, ctx):
        import multiprocessing.process
        self._ctx = ctx
        self._h = _ls.manager_new()
        next(multiprocessing.process._process_counter)  # as CPython, the server takes a number of Process-N

    def dict(self, *args, **kwargs):
        d = _ls.manager_object(self._h, 'dict', _name_for(_creator()), [])
        if args or kwargs:
            d.update(*args, **kwargs)
        return d

    def list(self, sequence=()):
        return _ls.manager_object(self._h, 'list', _name_for(_creator()), list(sequence))

    def __getattr__(self, name):
        if name in ('Queue', 'JoinableQueue', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event', 'Value',
                    'Array', 'Pool'):
            return getattr(self._ctx, name)
        raise AttributeError(name)

    def start(self):
        pass  # started when made, as Manager() starts it

    def shutdown(self):
        _ls.manager_shutdown(self._h)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown()


def _process_pool_executor():
    import concurrent.futures as cf
    import itertools
    import multiprocessing
    import os

    class ProcessPoolExecutor(cf.Executor):
        """concurrent.futures.ProcessPoolExecutor: worker processes (started one per submit, up to max_workers,
        as CPython 3.11 does) take calls from a queue; a thread of this process sets the futures from the
        results (CPython's executor manager thread)."""

        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                     max_tasks_per_child=None):
            if max_workers is None:
                max_workers = os.cpu_count() or 1
            elif max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
            self._ctx = mp_context or multiprocessing.get_context()
            self._initializer, self._initargs = initializer, initargs
            self._call_queue = _ls.mp_new('multiprocessing.Queue', 0, 'executor._call_queue')
            self._result_queue = _ls.mp_new('multiprocessing.Queue', 0, 'executor._result_queue')
            self._pending = {}
            self._processes = []
            self._ids = itertools.count()
            self._shutdown_flag = False
            self._manager = None
            self._lock = threading.Lock()
            self._pid = os.getpid()

        def submit(self, fn, /, *args, **kwargs):
            with self._lock:
                if self._shutdown_flag:
                    raise RuntimeError('cannot schedule new futures after shutdown')
                future = cf.Future()
                work = next(self._ids)
                self._pending[work] = future
                self._call_queue.put((work, 0, fn, args, kwargs, 0))
                if len(self._processes) < self._max_workers:
                    p = self._ctx.Process(target=_pool_worker, args=(self._call_queue, self._result_queue,
                                                                     self._initializer, self._initargs))
                    p.start()
                    self._processes.append(p)
                if self._manager is None:
                    self._manager = threading.Thread(target=self._manage, daemon=True)
                    self._manager.start()
                    _executors.add(self)
                return future

        def _manage(self):
            while True:
                item = self._result_queue.get()
                if item is None:
                    break
                work, _, (ok, value) = item
                future = self._pending.pop(work, None)
                if future is None or not future.set_running_or_notify_cancel():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)

        def shutdown(self, wait=True, *, cancel_futures=False):
            with self._lock:
                if self._shutdown_flag:
                    return
                self._shutdown_flag = True
                if cancel_futures:
                    for future in self._pending.values():
                        future.cancel()
                for _ in self._processes:
                    self._call_queue.put(None)
            if wait:
                for p in self._processes:
                    p.join()
                if self._manager is not None:
                    self._result_queue.put(None)
                    self._manager.join()
            _executors.discard(self)

    _executors = set()

    def _shutdown_at_exit():
        # Only the process that made an executor shuts it down (a worker forked from it has a copy).
        for executor in list(_executors):
            if executor._pid == os.getpid():
                executor.shutdown(wait=True)

    threading._register_atexit(_shutdown_at_exit)
    return ProcessPoolExecutor


def _child_shutdown():
    """threading._shutdown in a child process: its threading exit hooks; it has no other thread to wait for."""
    for call in reversed(threading._threading_atexits):
        call()


def _child_started(process_obj):
    """In a child, before its Process runs: random seeded anew as CPython's after-fork hook does, but from the
    run's seed, so a replay is identical."""
    import random
    random.seed(f"{_ls.seed()}:{process_obj.name}")
    threading._shutdown = _child_shutdown


def _import_main_again(process_obj):
    """The spawn start method's child imports the program again as __mp_main__ (code outside
    `if __name__ == '__main__':` runs again) and finds its target there by name."""
    import pickle
    import types
    import multiprocessing.process as process
    # Pickled as a spawning parent pickles them (functions and classes of __main__ by name), loaded from the
    # program imported again.
    pickled = {name: pickle.dumps(getattr(process_obj, name)) for name in ('_target', '_args', '_kwargs')
               if hasattr(process_obj, name)}
    main = types.ModuleType('__mp_main__')
    main.__file__ = _MAIN_PATH
    main.__builtins__ = __builtins__
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main
    # The program runs again as the child (current_process() is it), and may not start processes meanwhile.
    process._current_process = process_obj
    process_obj._inheriting = True
    try:
        exec(compile(''.join(linecache.getlines(_MAIN_PATH)), _MAIN_PATH, 'exec'), main.__dict__)
    finally:
        process_obj._inheriting = False
    cls = type(process_obj)
    if cls.__module__ == '__main__' and isinstance(getattr(main, cls.__name__, None), type):
        process_obj.__class__ = getattr(main, cls.__name__)
    for name, data in pickled.items():
        setattr(process_obj, name, pickle.loads(data))


_BOOTSTRAPPING_ERROR = """
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable."""


def _lockstep_multiprocessing_setup():
    import multiprocessing
    from multiprocessing import context, util
    import multiprocessing.popen_fork as popen_fork
    import multiprocessing.popen_spawn_posix as popen_spawn_posix
    import multiprocessing.popen_forkserver as popen_forkserver

    class Popen:
        """How a Process starts under Lockstep: a fork of the run's process (Processes.cpp)."""
        method = 'fork'

        def __init__(self, process_obj):
            if self.method != 'fork' and getattr(multiprocessing.current_process(), '_inheriting', False):
                raise RuntimeError(_BOOTSTRAPPING_ERROR)
            util._flush_std_streams()
            self.returncode = None
            self.finalizer = None
            self._h, in_child = _ls.process_start(process_obj.name, bool(process_obj.daemon), self.method != 'fork')
            if in_child:
                code = 1
                try:
                    _child_started(process_obj)
                    if self.method != 'fork':
                        _import_main_again(process_obj)
                    code = process_obj._bootstrap(parent_sentinel=None)
                except BaseException:
                    # What a spawned child prints when importing the program again fails.
                    import traceback
                    traceback.print_exc()
                    util._flush_std_streams()
                finally:
                    _ls.process_exit(code)
            self.pid = _ls.process_pid(self._h)
            self.sentinel = None

        def poll(self, flag=0):
            if self.returncode is None:
                self.returncode = _ls.process_exitcode(self._h)
            return self.returncode

        def wait(self, timeout=None):
            # A join even when poll() already saw the end: it is where what the child did is ordered before
            # what the joiner does next (the race detector's happens-before), and the timeline shows it.
            _ls.process_join(self._h, -1 if timeout is None else max(0.0, timeout))
            return self.poll()

        def terminate(self):
            if self.poll() is None:
                _ls.process_signal(self._h, False)

        def kill(self):
            if self.poll() is None:
                _ls.process_signal(self._h, True)

        def close(self):
            pass

    class SpawnPopen(Popen):
        method = 'spawn'

    class ForkserverPopen(Popen):
        method = 'forkserver'

    popen_fork.Popen = Popen
    popen_spawn_posix.Popen = SpawnPopen
    popen_forkserver.Popen = ForkserverPopen

    def not_yet(what, instead):
        def refused(*args, **kwargs):
            raise RuntimeError(f"not supported yet: multiprocessing.{what} in a program run by Lockstep; {instead}")
        return refused

    def Queue(self, maxsize=0):
        return _ls.mp_new('multiprocessing.Queue', maxsize, _name_for(_creator()))

    def done_event():
        e = _ls.mp_new('Event')
        e.set()
        return e

    def JoinableQueue(self, maxsize=0):
        parts = (_ls.mp_new('Lock'), _ls.mp_new('Value', 'l', False, 0), done_event())
        for part in parts:
            _ls.mp_internal(part)
        return _MpJoinableQueue(_ls.mp_new('multiprocessing.Queue', maxsize, _name_for(_creator())), *parts)

    def Pipe(self, duplex=True):
        return _ls.mp_new('Connection', bool(duplex))

    def Value(self, typecode_or_type, *args, lock=True):
        value = args[0] if args else 0
        return _ls.mp_new('Value', _typecode(typecode_or_type), lock is not False, value)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        code = _typecode(typecode_or_type)
        if isinstance(size_or_initializer, int):
            items = [0.0 if code == 'd' else 0] * size_or_initializer
        else:
            items = list(size_or_initializer)
        return _ls.mp_new('Array', code, lock is not False, *items)

    def Semaphore(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        return _ls.mp_new('Semaphore', value)

    def BoundedSemaphore(self, value=1):
        return _ls.mp_new('BoundedSemaphore', value)

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return _Pool(processes, initializer, initargs, maxtasksperchild, self.get_context())

    methods = {
        'Queue': Queue, 'SimpleQueue': Queue, 'JoinableQueue': JoinableQueue, 'Pipe': Pipe,
        'Lock': lambda self: _ls.mp_new('Lock'), 'RLock': lambda self: _ls.mp_new('RLock'),
        'Semaphore': Semaphore, 'BoundedSemaphore': BoundedSemaphore, 'Event': lambda self: _ls.mp_new('Event'),
        'Value': Value, 'Array': Array, 'RawValue': lambda self, t, *a: Value(self, t, *a, lock=False),
        'RawArray': lambda self, t, s: Array(self, t, s, lock=False), 'Pool': Pool,
        'Condition': not_yet('Condition', "use a multiprocessing.Event or Queue to signal between processes"),
        'Barrier': not_yet('Barrier', "use a multiprocessing.Event or Queue to signal between processes"),
        'Manager': lambda self: _Manager(self.get_context()),
    }
    for name, method in methods.items():
        setattr(context.BaseContext, name, method)
    # multiprocessing's module functions are the default context's methods, bound when it was imported.
    multiprocessing.__dict__.update((name, getattr(context._default_context, name))
                                    for name in multiprocessing.__all__)
    import multiprocessing.pool

    def pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        return _Pool(processes, initializer, initargs, maxtasksperchild, context)
    multiprocessing.pool.Pool = pool
    import concurrent.futures
    import concurrent.futures.process
    concurrent.futures.ProcessPoolExecutor = concurrent.futures.process.ProcessPoolExecutor = \
        _process_pool_executor()
    # The run's virtual cores are its machine's: Pool() and ProcessPoolExecutor() start that many workers.
    import os
    os.cpu_count = _ls.cores


def _run_main(path, source):
    """Runs the program as __main__ and reports an uncaught exception as CPython does."""
    global _quiet
    import traceback
    _setup(path, source)
    import __main__
    namespace = __main__.__dict__
    namespace['__file__'] = path
    namespace['__cached__'] = None
    code = compile(source, path, 'exec')
    _quiet = False
    try:
        exec(code, namespace)
    except _ls.RunAborted:
        raise
    except SystemExit as e:
        if e.code not in (None, 0):
            if not isinstance(e.code, int):
                _ls.emit(str(e.code), True)
            _ls.fail(f"SystemExit: {e.code}")
    except BaseException as e:
        text = ''.join(traceback.format_exception(type(e), e, e.__traceback__.tb_next))
        _ls.emit(text.rstrip('\n'), True)
        _ls.fail(''.join(traceback.format_exception_only(type(e), e)).strip())
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except _ls.RunAborted:
                raise
            except Exception:
                pass
    _exit_as_cpython()


def _exit_as_cpython():
    """What CPython's exit does after the main module, on the main thread and as steps like any other (an endless
    handler ends the run at its step limit, not Lockstep): threading's own exit hooks (a ThreadPoolExecutor that
    was never shut down stops its workers there), a wait for every thread that is not a daemon, then the atexit
    handlers."""
    import atexit
    import traceback
    threading._SHUTTING_DOWN = True
    for call in reversed(threading._threading_atexits):
        try:
            call()
        except _ls.RunAborted:
            raise
        except BaseException as e:
            _ls.emit(f"Exception ignored in: {call!r}\n" + ''.join(
                traceback.format_exception(type(e), e, e.__traceback__)).rstrip('\n'), True)
    main = threading.main_thread()
    while True:
        # A thread may start another while it is waited for: look again until none is left.
        left = [t for t in threading.enumerate() if t is not main and not t.daemon and t.is_alive()]
        if not left:
            break
        for t in left:
            t.join()
    if atexit._ncallbacks():
        atexit._run_exitfuncs()
    _flush()


def _flush():
    for stream in (sys.stdout, sys.stderr):
        stream.flush()


def _teardown():
    """After the run (every thread unwound): nothing may take a step any more, and the interpreter's own
    shutdown must not wait for threads that no longer exist."""
    global _quiet
    _quiet = True
    threading._shutdown = lambda: None
    threading._SHUTTING_DOWN = True
