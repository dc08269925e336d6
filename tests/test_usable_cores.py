"""How many workers `--jobs` and check's automatic mode start by default: the CPUs this process may
use, not the host's. Under `taskset -c 0` extract started 2 workers on a 2-core machine, and a
container limited to 2 CPUs on a 64-core runner would start 64 of about 400 MB each (probe of a
build engineer, M6)."""

from __future__ import annotations

import os

from glossary_cli import cluster


def test_a_cgroup_quota_is_read_as_whole_cpus_rounded_up(tmp_path):
    limits = tmp_path / "cpu.max"
    for written, cpus in (("200000 100000\n", 2), ("150000 100000\n", 2), ("max 100000\n", None), ("", None)):
        limits.write_text(written, encoding="ascii")
        assert cluster._cgroup_cpu_quota(str(limits)) == cpus
    assert cluster._cgroup_cpu_quota(str(tmp_path / "absent")) is None


def test_the_affinity_and_the_quota_both_bound_the_default(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(cluster, "_cgroup_cpu_quota", lambda: None)
    assert cluster.usable_cores() == 4
    monkeypatch.setattr(cluster, "_cgroup_cpu_quota", lambda: 2)
    assert cluster.usable_cores() == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert cluster.usable_cores() == 1
