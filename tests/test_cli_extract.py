"""`glossary extract` from the command line: exit codes, messages and files on disk."""

from pathlib import Path

import pytest
import yaml

from glossary_cli.cli import app

SMALL = ("The Vehicle-to-Grid (V2G) pilot connects a material passport to smart grids.\n"
         "车网互动(V2G)试点把材料护照与智能电网连接起来。\n"
         "Smart grids need a material passport.\n"
         "智能电网需要材料护照。\n")


def write_corpus(tmp_path: Path, text: str = SMALL) -> Path:
    corpus = tmp_path / "article.txt"
    corpus.write_text(text, encoding="utf-8")
    return corpus


def test_extract_writes_a_glossary_and_exits_0(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert data["glossary"] == 1 and data["languages"] == {"source": "en", "target": "zh"}
    assert data["generated"]["inputs"] == [str(corpus)]
    pairs = {(term["source"], term["target"] if isinstance(term["target"], str) else term["target"][0])
             for term in data["terms"]}
    assert ("material passport", "材料护照") in pairs
    scores = [term["score"] for term in data["terms"]]
    assert scores == sorted(scores, reverse=True)


def test_default_output_is_glossaries_slash_input_stem(runner, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "glossaries" / "article.yaml").is_file()


def test_the_default_output_goes_to_the_projects_glossaries_folder_from_a_subdirectory(runner, tmp_path, monkeypatch):
    """Run from docs/ of a checkout, extract wrote docs/glossaries/article.yaml, a stray folder beside
    the project's glossaries/ (probe of a build engineer, L8)."""
    corpus = write_corpus(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "glossaries" / "article.yaml").is_file() and not (tmp_path / "docs" / "glossaries").exists()
    assert "-> ../glossaries/article.yaml" in result.stderr


def test_a_default_output_extracted_from_another_input_is_not_taken_over(runner, tmp_path, monkeypatch):
    """`docs/a/article.txt` and `docs/b/article.txt` share the default glossaries/article.yaml: the
    second extract replaced the first one's candidates without a word (final probe, M2)."""
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_corpus(tmp_path / folder)
    assert runner.invoke(app, ["extract", "a/article.txt", "--no-cache"]).exit_code == 0
    first = (tmp_path / "glossaries" / "article.yaml").read_bytes()
    result = runner.invoke(app, ["extract", "b/article.txt", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr == ("error: glossaries/article.yaml holds the candidates extracted from a/article.txt, not "
                             "from b/article.txt; name the glossary with -o (-o glossaries/article.yaml replaces "
                             "those candidates)\n")
    assert (tmp_path / "glossaries" / "article.yaml").read_bytes() == first
    assert runner.invoke(app, ["extract", "a/article.txt", "--no-cache"]).exit_code == 0  # its own input again


def test_rerun_on_the_same_input_changes_no_byte(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "out.yaml"
    runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    first = output.read_bytes()
    runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert output.read_bytes() == first


def test_missing_corpus_is_one_line_and_exit_2(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"
    assert not (tmp_path / "o.yaml").exists()


def test_broken_existing_glossary_is_reported_and_left_untouched(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "out.yaml"
    output.write_text("terms:\n  - source: [unclosed\n", encoding="utf-8")
    before = output.read_bytes()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert result.exit_code == 2
    assert f"{output}:" in result.output and "YAML syntax error" in result.output
    assert "Traceback" not in result.output
    assert output.read_bytes() == before


def test_unknown_spacy_model_is_one_line_and_exit_2(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"),
                                 "--spacy-model", "en_core_web_nonexistent"])
    assert result.exit_code == 2
    assert "spaCy model 'en_core_web_nonexistent' is not installed" in result.output


def test_a_blank_pipeline_for_an_unknown_language_is_one_line_and_exit_2(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"), "--no-cache",
                                 "--spacy-model", "blank:zz"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: spaCy cannot load 'blank:zz': ") and result.stderr.count("\n") == 1


def test_a_scheduler_that_is_no_address_is_one_line_and_exit_2(runner, tmp_path):
    pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"), "--scheduler", "localhost"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --scheduler 'localhost' is not a Dask scheduler address (")


def test_dask_and_a_scheduler_together_are_refused_before_any_work(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"), "--dask",
                                 "--scheduler", "tcp://192.0.2.1:8786"])
    assert (result.exit_code, result.stderr) == (
        2, "error: --dask starts a local Dask cluster and --scheduler names an existing one; give one of them\n")
    assert not (tmp_path / "o.yaml").exists()


def test_source_without_target_is_a_usage_error(runner, tmp_path):
    english = tmp_path / "a.en"
    english.write_text("grid\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--source", str(english), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 2 and "--source and --target go together" in result.output


def test_unpaired_line_warns_and_strict_fails(runner, tmp_path):
    corpus = write_corpus(tmp_path, "A lonely English line.\n" + SMALL)
    output = tmp_path / "o.yaml"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert result.exit_code == 0
    assert f"warning: {corpus}:1: English line has no Chinese line after it; pair skipped" in result.output
    strict = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "strict.yaml"), "--strict"])
    assert strict.exit_code == 2 and f"{corpus}:1:" in strict.output


def test_top_limits_the_number_of_entries(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "o.yaml"
    runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--top", "2"])
    assert len(yaml.safe_load(output.read_text(encoding="utf-8"))["terms"]) == 2


def test_help_lists_the_commands(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "extract" in result.output


def test_any_number_of_jobs_gives_the_same_glossary(runner, tmp_path, seed_article, monkeypatch):
    import glossary_cli.extract

    monkeypatch.setattr(glossary_cli.extract, "SHARD_SIZE", 5)  # the 33-pair seed becomes 7 shards
    outputs = []
    for jobs in ("1", "2"):
        output = tmp_path / f"jobs{jobs}.yaml"
        result = runner.invoke(app, ["extract", str(seed_article), "-o", str(output), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]


def test_output_to_a_pipe_is_written_not_read_first(runner, tmp_path):
    """`-o /dev/stdout` or a named pipe: the glossary streams out; reading the stream back as an
    old glossary to update would wait for ever."""
    import os
    import threading

    corpus = write_corpus(tmp_path)
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(pipe), "--no-cache"])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert "source: material passport" in received[0]


def test_an_output_directory_is_refused_before_extracting(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    (tmp_path / "out").mkdir()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'out'}: is a directory; give a file name for the glossary\n"


def test_an_output_naming_a_directory_that_does_not_exist_yet_is_refused(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", f"{tmp_path / 'new'}/", "--no-cache"])
    assert result.exit_code == 2
    assert "new/ names a directory; give a file name" in result.stderr
    assert not (tmp_path / "new").exists()


def test_a_cache_dir_that_is_a_file_is_refused(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    taken = tmp_path / "cache.txt"
    taken.write_text("not a directory\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"),
                                 "--cache-dir", str(taken / "sub")])
    assert result.exit_code == 2
    assert result.stderr == f"error: --cache-dir {taken / 'sub'}: {taken} is a file, not a directory\n"
    assert not (tmp_path / "o.yaml").exists()


def test_the_summary_is_tab_separated_lines_when_stderr_is_not_a_terminal(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "o.yaml"), "--no-cache", "--show", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    start = lines.index("source\ttarget\tscore\tcount\tsignals")
    assert lines[start - 1].startswith("best 2 of ")
    assert all(len(line.split("\t")) == 5 for line in lines[start + 1:start + 3])


def test_the_summary_shows_a_decided_term_as_the_glossary_has_it(runner, tmp_path):
    """The corpus says 爆发 for `outbreak`; the glossary approves 暴发 (and forbids 爆发): the
    summary of a re-run shows the approved entry, not the corpus's rendering as a best pair."""
    corpus = tmp_path / "c.tsv"
    corpus.write_text("An outbreak of flu.\t流感爆发。\nThe outbreak spread.\t疫情爆发并蔓延。\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text("glossary: 1\nterms:\n  - source: outbreak\n    target: 暴发\n"
                                     "    status: approved\n    forbidden: [爆发]\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "g.yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stderr.splitlines() if "\t" in line]
    assert rows[0] == ["source", "target", "score", "count", "signals", "status"]
    outbreak = next(row for row in rows if row[0] == "outbreak")
    assert (outbreak[1], outbreak[-1]) == ("暴发", "approved")
    assert {row[-1] for row in rows[1:] if row[0] != "outbreak"} == {"candidate"}


@pytest.mark.parametrize("arguments, message", [
    (["extract", "x.txt", "--jobs", "0"], "error: Invalid value for '--jobs' / '-j': "),
    (["extract", "--nope"], "error: No such option: --nope"),
    (["frobnicate"], "error: No such command 'frobnicate'."),
    (["export", "g.yaml"], "error: Missing option '--to'. Choose from: tbx, csv, tsv "),  # click breaks the list
    (["check", "g.yaml", "c.tsv", "--format", "xml"], "error: Invalid value for '--format': 'xml' is not one of"),
])
def test_a_usage_error_is_one_line_naming_the_help_to_read(tmp_path, arguments, message):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "glossary_cli", *arguments], cwd=tmp_path, capture_output=True,
                          text=True, env={**__import__("os").environ, "NO_COLOR": "1"})
    assert done.returncode == 2
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1
    assert done.stderr.rstrip().endswith("--help)")


@pytest.mark.parametrize("arguments", [[], ["--target", "a.zh"]])
def test_extract_without_a_corpus_is_a_usage_error(runner, tmp_path, monkeypatch, arguments):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", *arguments])
    assert result.exit_code == 2
    assert result.stderr == "error: no corpus given: pass a file (or --source a.en --target a.zh)\n"


def test_the_closing_line_is_not_wrapped_off_a_terminal(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / ("a-rather-long-directory-name-" * 3) / "glossary-with-a-long-name.yaml"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--no-cache", "--show", "0"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].endswith(f"-> {output}")


def test_dash_as_output_writes_the_glossary_to_stdout(tmp_path):
    import subprocess
    import sys

    corpus = write_corpus(tmp_path)
    done = subprocess.run([sys.executable, "-m", "glossary_cli", "extract", str(corpus), "-o", "-", "--no-cache"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(done.stdout)["terms"][0]["source"]
    assert not (tmp_path / "-").exists()


def test_bars_and_tables_only_where_rich_can_draw_them(monkeypatch):
    import io

    from rich.console import Console

    from glossary_cli.cli.common import draws

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    assert draws(Console(file=Terminal(), force_terminal=True, width=100))
    assert not draws(Console(file=Terminal(), force_terminal=True, width=20))  # no room: plain lines instead
    assert not draws(Console(file=io.StringIO(), force_terminal=False, width=100))  # a pipe
    assert not draws(Console(file=io.StringIO(), force_terminal=True, width=100))  # FORCE_COLOR on a pipe: colour only
    monkeypatch.setenv("TERM", "dumb")
    assert not draws(Console(file=Terminal(), force_terminal=True, width=100))  # a terminal that cannot redraw a line


def test_a_run_from_a_subdirectory_of_the_project_rewrites_no_evidence(runner, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    write_corpus(tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, ["extract", "seeds/article.txt", "-o", "glossaries/article.yaml", "--no-cache"])
    from_root = (tmp_path / "glossaries" / "article.yaml").read_bytes()
    assert b"where: 'seeds/article.txt:1'" in from_root

    monkeypatch.chdir(tmp_path / "docs")
    result = runner.invoke(app, ["extract", "../seeds/article.txt", "-o", "../glossaries/article.yaml", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "glossaries" / "article.yaml").read_bytes() == from_root
    result = runner.invoke(app, ["extract", str(tmp_path / "seeds" / "article.txt"), "-o",
                                 str(tmp_path / "glossaries" / "article.yaml"), "--no-cache"])
    assert (tmp_path / "glossaries" / "article.yaml").read_bytes() == from_root


def test_a_corpus_outside_the_project_keeps_the_absolute_path_it_was_given(runner, tmp_path, monkeypatch):
    (tmp_path / "project" / ".git").mkdir(parents=True)
    corpus = write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path / "project")
    runner.invoke(app, ["extract", str(corpus), "-o", "g.yaml", "--no-cache"])
    data = yaml.safe_load((tmp_path / "project" / "g.yaml").read_text(encoding="utf-8"))
    assert data["generated"]["inputs"] == [str(corpus)]
    assert data["terms"][0]["evidence"][0]["where"].startswith(f"{corpus}:")


def test_several_corpora_without_o_are_refused_as_they_have_no_one_name(runner, tmp_path, monkeypatch):
    """Named after the first, `extract a.po b.xlf` would write glossaries/a.yaml, and a later
    `extract a.po` would drop every candidate b.xlf gave."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SMALL, encoding="utf-8")
    Path("b.txt").write_text(SMALL, encoding="utf-8")
    result = runner.invoke(app, ["extract", "a.txt", "b.txt"])
    assert result.exit_code == 2
    assert result.stderr == "error: 2 corpora given: name the glossary they go into with -o\n"
    assert not Path("glossaries").exists()
    assert runner.invoke(app, ["extract", "a.txt", "b.txt", "-o", "both.yaml", "--no-cache"]).exit_code == 0


def test_the_closing_line_counts_kept_entries_only_when_there_are_some(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "out.yaml"
    runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--no-cache"])
    again = runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--no-cache"])
    assert "people worked on" not in again.stderr
    runner.invoke(app, ["approve", str(output), "material passport"])
    after_review = runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--no-cache"])
    closing = next(line for line in after_review.stderr.splitlines() if " -> " in line)
    assert closing.endswith("(1 entry people worked on kept as written)")


def test_a_glossary_of_other_languages_is_not_filled_with_chinese(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    output = tmp_path / "ja.yaml"
    output.write_text("glossary: 1\nlanguages: {source: en, target: ja}\nterms: []\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {output} is a glossary from en to ja (its languages:), and extract finds "
                             "English terms with Chinese renderings; name another glossary with -o\n")
    assert output.read_text(encoding="utf-8").endswith("terms: []\n")
    output.write_text("glossary: 1\nlanguages: {source: en-US, target: zh-Hans}\nterms: []\n", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--no-cache"]).exit_code == 0


def test_a_cache_directory_that_cannot_be_created_is_named_and_the_run_goes_on(runner, tmp_path):
    corpus = write_corpus(tmp_path)
    cache = "/proc/no-cache-here"  # cannot be created, even by root
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "g.yaml"), "--cache-dir", cache])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"warning: cannot create the cache directory {cache} (No such file or directory); "
                                    "nothing is cached this run (--cache-dir chooses another)\n")
    assert (tmp_path / "g.yaml").is_file()


def test_a_count_whose_number_the_reader_left_out_gives_the_noun_without_its_classifier(runner, tmp_path):
    """`<x/> folders` <-> `<x/> 个文件夹`: the reader drops the leading code, and 个 counts the folders."""
    corpus = tmp_path / "ui.xlf"
    corpus.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source><x id="0"/> folders</source><target><x id="0"/> 个文件夹</target></trans-unit>\n'
        '</body></file></xliff>\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "g.yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    terms = yaml.safe_load((tmp_path / "g.yaml").read_text(encoding="utf-8"))["terms"]
    assert [(term["source"], term["target"]) for term in terms] == [("folder", "文件夹")]
