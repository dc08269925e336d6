"""Where the shard functions run: in this process, in forked worker processes, or on Dask.

A runner maps `function(item, context)` over items and yields the results in item order, with a
bounded number of items in flight, so a corpus read lazily is read while earlier shards work.
`context` (what every call needs: tokenizer settings, the learned lexicon) goes to each worker
once: inherited through fork locally (after `context.prepare()` in the parent), scattered to
every worker on Dask.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from .errors import UsageError

DASK_MISSING = "Dask is not installed; install it with: pip install 'glossary-cli[dask]'"


def usable_cores() -> int:
    """The CPUs this process may use, as `nproc` counts them: those its affinity allows (taskset, a
    container's cpuset), fewer when a cgroup v2 quota caps it (`docker run --cpus 2`). os.cpu_count
    counts the host's: on a 64-core CI runner limited to 2 CPUs, 64 workers of 400 MB each."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # macOS and Windows have no affinity call
        cores = os.cpu_count() or 1
    quota = _cgroup_cpu_quota()
    return max(1, min(cores, quota) if quota else cores)


def _cgroup_cpu_quota(path: str = "/sys/fs/cgroup/cpu.max") -> int | None:
    """The CPUs a cgroup v2 quota allows, rounded up (`200000 100000` is 2; `max 100000` none)."""
    try:
        with open(path, encoding="ascii") as limits:
            quota, period = limits.read().split()[:2]
        return -(-int(quota) // int(period)) if quota != "max" and int(period) > 0 else None
    except (OSError, ValueError):
        return None


class Runner(Protocol):
    workers: int

    def map(self, function: Callable[[Any, Any], Any], items: Iterable, context: Any) -> Iterator: ...


class LocalRunner:
    """`jobs` = 1 runs in this process; more forks a pool per map, after the context is set and
    its `prepare()` has run (loading models, building the aligner), so workers inherit them.

    With `fresh_workers`, workers start from a small fresh process (the fork server) instead and
    each gets the context pickled and prepares it itself: a forked copy of a large heap (check's
    pairs and findings) costs the workers page copies whenever they collect garbage, which made
    two jobs slower than one in check's benchmark."""

    def __init__(self, jobs: int = 1, *, fresh_workers: bool = False) -> None:
        self.workers = max(1, jobs)
        self.fresh_workers = fresh_workers

    def map(self, function, items, context) -> Iterator:
        if self.workers == 1:
            for item in items:
                yield function(item, context)
            return
        from concurrent.futures import ProcessPoolExecutor

        global _INHERITED
        if self.fresh_workers:
            pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_fresh_process_context(),
                                       initializer=_start_fresh_worker, initargs=(function, context, os.getpid()))
        else:
            import multiprocessing

            context.prepare()
            _INHERITED = (function, context)
            pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_start_forked_worker, initargs=(os.getpid(),))
        try:
            yield from _ordered(lambda item: _submit_holding_interrupts(pool, item), items, 2 * self.workers,
                                lambda future: future.result())
        except BaseException:  # Ctrl-C, an error, or the caller stopped taking results: none are wanted now
            _stop_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _INHERITED = None


_INHERITED: tuple | None = None  # in a worker: (function, context) of the map it serves


def _fresh_process_context():
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import resource_tracker

    # The fork server starts in the first submit, with Ctrl-C held back, and passes the hold on to
    # every worker until `_ignore_interrupts`. The resource tracker, which it starts first,
    # releases Ctrl-C when it starts, so it starts now.
    resource_tracker.ensure_running()
    return multiprocessing.get_context("forkserver")


def _start_fresh_worker(function, context, parent: int) -> None:
    global _INHERITED
    _start_forked_worker(parent)
    context.prepare()
    _spare_inherited_heap()
    _INHERITED = (function, context)


def _start_forked_worker(parent: int) -> None:
    _ignore_interrupts()
    _exit_with(parent)
    _spare_inherited_heap()


def _spare_inherited_heap() -> None:
    """Leave what the worker inherited or prepared (tokenizers, the aligner and its lexicon) out of
    garbage collection: it lives as long as the worker, yet each full collection walked it again
    and wrote to every object's header (copying the page a forked worker shares with its parent).
    Freezing it took the workers' CPU time for tokens of 50,000 pairs from the cache from 9.4 s to 7.2."""
    import gc

    gc.freeze()


_PARENT_CHECK_SECONDS = 0.5


def _exit_with(parent: int) -> None:
    """End this worker soon after the process that started the pool is gone. Killed with
    SIGKILL (a CI job's hard timeout), the parent cannot stop its workers, which would otherwise
    run on for good, holding hundreds of MB each, blocked on a pipe nobody reads."""
    import threading
    import time

    def watch() -> None:
        while _alive(parent):
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="glossary-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Whether the process runs: it exists, is ours (another user's process took the number
    otherwise) and, where /proc tells, is no zombie waiting for its own parent to reap it."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[:1] != [b"Z"]
    except OSError:
        return True  # no /proc (macOS): the signal test is all there is


def _submit_holding_interrupts(pool, item):
    """Submit with Ctrl-C held back, since a submit may fork a worker: a worker forked with Ctrl-C
    (or the stop request that follows it) pending would die printing a traceback before
    `_ignore_interrupts` runs. The parent gets the signal as soon as it is released, stops the
    pool and says one line."""
    import signal

    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGUSR1})
    try:
        return pool.submit(_call_inherited, item)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C and SIGTERM (sent to the whole process group) to the parent, which
    then asks them with SIGUSR1 to drop their work (`_stop_workers`)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGUSR1, _on_stop_request)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGUSR1})


class _Stopped(BaseException):
    """The parent no longer wants this worker's results (no `except Exception` in a shard stops it)."""


_stopping = False  # in a worker: the parent asked it to drop its work
_in_shard = False  # in a worker: running a shard function now


def _on_stop_request(signum, frame) -> None:
    global _stopping
    _stopping = True
    if _in_shard:
        raise _Stopped  # unwinds through the shard's `finally` blocks: no temporary cache file is left


def _stop_workers(pool) -> None:
    """Have the workers drop their shards now rather than finish them: nobody will take the
    results. They stay alive for the pool's orderly shutdown; killing them would break its pipes.
    (ProcessPoolExecutor offers no public way to reach its processes before Python 3.14.)"""
    import signal

    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.pid is not None and process.is_alive():
            try:
                os.kill(process.pid, signal.SIGUSR1)
            except ProcessLookupError:
                pass


def _call_inherited(item):
    global _in_shard
    if _stopping:  # a shard queued before the stop request: skip it
        return None
    function, context = _INHERITED
    _in_shard = True
    try:
        return function(item, context)
    finally:
        _in_shard = False


class DaskRunner:
    """The same functions on a Dask cluster; workers need glossary-cli installed (same version)."""

    def __init__(self, client) -> None:
        self.client = client
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))

    def map(self, function, items, context) -> Iterator:
        [shared] = self.client.scatter([context], broadcast=True, hash=False)
        try:
            yield from _ordered(lambda item: self.client.submit(function, item, shared, pure=False), items,
                                4 * self.workers, lambda future: future.result())
        finally:
            self.client.cancel([shared])


def _ordered(submit, items: Iterable, window: int, result) -> Iterator:
    """Submit items as results are taken, at most `window` ahead; yield results in item order."""
    pending: deque = deque()
    try:
        for item in items:
            pending.append(submit(item))
            if len(pending) >= window:
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()


@contextlib.contextmanager
def open_runner(*, jobs: int = 1, dask: bool = False, scheduler: str | None = None) -> Iterator[Runner]:
    """A local runner, or a Dask client: to `scheduler` (tcp://host:8786) or, with `dask`, to a
    LocalCluster of `jobs` single-threaded worker processes started here and closed after."""
    if not dask and scheduler is None:
        yield LocalRunner(jobs)
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(DASK_MISSING) from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        except ValueError as error:  # no port, an unknown scheme: not an address at all
            raise UsageError(f"--scheduler {scheduler!r} is not a Dask scheduler address ({error}); "
                             "give one like tcp://host:8786") from None
        with client:
            yield DaskRunner(client)
        return
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield DaskRunner(client)
