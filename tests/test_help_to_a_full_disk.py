"""Help and the version that cannot be written (`> /dev/full`, a file system gone read-only) end as
a report that cannot be written does: one line on stderr, exit code 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@pytest.mark.parametrize("arguments", ["--help", "--version", "check --help", "validate --help", "eval --help"])
def test_help_to_a_full_disk_is_one_error_line_and_exit_2(tmp_path, arguments):
    done = subprocess.run(["sh", "-c", f"'{sys.executable}' -m glossary_cli {arguments} > /dev/full"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "error: <stdout>: cannot write: No space left on device\n")

