"""write_atomic under SIGKILL: the file on disk is always the old or the new complete glossary.

A child process rewrites a large glossary in a loop, alternating two versions; it is killed at a
random moment, 50 times. After each kill the file must be byte-identical to one of the two
versions (so it also parses). A kill between creating the temporary file and renaming it leaves
that `.<name>.<random>.tmp` file behind in the directory: harmless, ignored by every command,
and counted here so the test shows it really killed writers mid-write.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, load_glossary

KILLS = 50

WRITER = """\
import sys
from glossary_cli.atomic import write_atomic

target, *versions = sys.argv[1:]
texts = [open(path, encoding="utf-8").read() for path in versions]
print("ready", flush=True)
index = 0
while True:
    index = 1 - index
    write_atomic(target, texts[index])
"""


def big_glossary(version: str, entries: int = 4000) -> str:
    glossary = Glossary(languages={"source": "en", "target": "zh"}, generated={"by": f"kill test {version}"})
    for index in range(entries):
        glossary.terms.append(Entry(source=f"term {index} {version}", target=[f"术语{index}"],
                                    status=Status.APPROVED if index % 7 == 0 else Status.CANDIDATE,
                                    score=round(1 - index / (2 * entries), 4),
                                    note=f"{version}: " + "一条很长的注释 " * 20))
    return dump_glossary(glossary)


def test_sigkill_at_random_moments_never_leaves_a_torn_or_empty_file(tmp_path):
    old, new = big_glossary("old"), big_glossary("new")
    assert old != new and len(old.encode()) > 1_000_000
    versions = [tmp_path / "old.src", tmp_path / "new.src"]
    versions[0].write_text(old, encoding="utf-8")
    versions[1].write_text(new, encoding="utf-8")
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "glossary.yaml"
    target.write_text(old, encoding="utf-8")
    complete = {old.encode(), new.encode()}

    generator = random.Random(8)
    seen = {"old": 0, "new": 0}
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, str(script), str(target), *map(str, versions)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline() == "ready\n"
        time.sleep(generator.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        on_disk = target.read_bytes()
        assert on_disk in complete, f"torn file: {len(on_disk)} bytes"
        seen["old" if on_disk == old.encode() else "new"] += 1

    assert load_glossary(str(target)).terms  # one last proof that what is there parses
    assert seen["old"] and seen["new"], seen  # the kills landed on both sides of the rename
    leftovers = [name for name in os.listdir(out) if name.endswith(".tmp")]
    assert set(os.listdir(out)) == {"glossary.yaml", *leftovers}
    assert all(name.startswith(".glossary.yaml.") for name in leftovers)
    assert leftovers, "no kill landed while a temporary file existed; the test did not exercise the window"
    print(f"{KILLS} kills: {seen['old']} old, {seen['new']} new, {len(leftovers)} temporary files left")
